import type { Metadata } from "next";
import { SetupPage } from "@/features/auth/setup-page";

export const metadata: Metadata = { title: "Set up", robots: { index: false, follow: false } };

export default function Page() {
  return <SetupPage />;
}
