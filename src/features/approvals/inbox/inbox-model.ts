/** The approvals inbox's tabs, order and refresh (pure). */
import { APPROVALS_PAGE_MAX, type Approval } from "@/shared/resources/run-detail";

export const INBOX_TABS = ["pending", "approved", "rejected", "expired"] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

export const INBOX_TAB_LABEL: Record<InboxTab, string> = {
  pending: "Pending",
  approved: "Approved",
  rejected: "Rejected",
  expired: "Expired",
};

export const INBOX_REFRESH_MS = 4_000;
/** Rows fetched at first, and added by "Show more": a decided tab is a history that only grows. */
export const INBOX_PAGE = 100;
/** The most the inbox shows: the server's page maximum. */
export const INBOX_MAX = APPROVALS_PAGE_MAX;

export function parseInboxTab(value: string | null): InboxTab {
  return INBOX_TABS.find((tab) => tab === value) ?? "pending";
}

/** Pending: the longest waiting first. Decided: the latest decision first. */
export function sortForInbox(approvals: Approval[], tab: InboxTab): Approval[] {
  const time = (value: string | null) => (value ? Date.parse(value) : 0);
  return [...approvals].sort((a, b) =>
    tab === "pending" ? time(a.created_at) - time(b.created_at) : time(b.decided_at ?? b.created_at) - time(a.decided_at ?? a.created_at),
  );
}
