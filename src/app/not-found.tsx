import type { Metadata } from "next";
import { AppShell } from "@/features/shell/app-shell";
import { NotFoundView } from "@/features/shell/not-found-view";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <AppShell>
      <NotFoundView />
    </AppShell>
  );
}
