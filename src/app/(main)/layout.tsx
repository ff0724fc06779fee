import type { ReactNode } from "react";
import { AppShell } from "@/features/shell/app-shell";

/** The list pages (/, /runs) share the app shell; the editor (/segments/[id]) is full-screen. */
export default function MainLayout({ children }: { children: ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
