import type { Metadata } from "next";
import { ApprovalsInboxPage } from "@/features/approvals/inbox/approvals-inbox-page";

export const metadata: Metadata = { title: "Approvals" };

export default function Approvals() {
  return <ApprovalsInboxPage />;
}
