"use client";
// Every approval across runs, by status; pending ones (the longest waiting first) link to the
// run view with the step's panel open. Refreshes every few seconds and on focus.
import { useSearchParams } from "next/navigation";
import { Suspense, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { useApprovalInbox, useSegmentNames } from "../hooks/use-approval-inbox";
import { useHydrated } from "../hooks/use-hydrated";
import { usePendingApprovalCount } from "../hooks/use-pending-approval-count";
import { PeopleProvider } from "../lib/people-context";
import { ApprovalsTable } from "./approvals-table";
import { INBOX_MAX, INBOX_PAGE, parseInboxTab, type InboxTab } from "./inbox-model";
import { InboxEmpty, InboxLoadError, InboxSkeleton } from "./inbox-states";
import { InboxTabs } from "./inbox-tabs";

const DESCRIPTION = "Human steps across all runs: decide what waits, look back at what was decided.";

export function ApprovalsInboxPage() {
  return (
    // useSearchParams needs a Suspense boundary for the static shell of the page.
    <Suspense fallback={<InboxFrame tab="pending" pendingCount={undefined}>{<InboxSkeleton />}</InboxFrame>}>
      <InboxContent />
    </Suspense>
  );
}

function InboxContent() {
  const tab = parseInboxTab(useSearchParams().get("status"));
  // A new tab starts from its first page.
  return <InboxTabContent key={tab} tab={tab} />;
}

function InboxTabContent({ tab }: { tab: InboxTab }) {
  const [limit, setLimit] = useState(INBOX_PAGE);
  const approvals = useApprovalInbox(tab, limit);
  const segments = useSegmentNames();
  const pending = usePendingApprovalCount();
  const hydrated = useHydrated();
  // The page's rows are the count only when they are all of them.
  const pendingCount = !hydrated ? undefined : tab === "pending" && approvals.data && !approvals.hasMore ? approvals.data.length : pending.data;
  return (
    <InboxFrame tab={tab} pendingCount={pendingCount}>
      {!hydrated || approvals.isPending ? (
        <InboxSkeleton />
      ) : approvals.isError ? (
        <InboxLoadError message={approvals.error.message} onRetry={() => void approvals.refetch()} retrying={approvals.isFetching} />
      ) : approvals.data.length === 0 ? (
        <InboxEmpty tab={tab} />
      ) : (
        <>
          <PeopleProvider>
            <ApprovalsTable approvals={approvals.data} segmentNames={segments.data} tab={tab} />
          </PeopleProvider>
          {approvals.hasMore ? (
            <div className="flex items-center justify-center gap-3 text-[13px] text-slate-500">
              <span>
                {tab === "pending" ? "The longest-waiting" : "The latest"} {approvals.data.length.toLocaleString("en")} shown
              </span>
              {limit < INBOX_MAX ? (
                <Button size="sm" loading={approvals.isPlaceholderData} onClick={() => setLimit(Math.min(limit + INBOX_PAGE, INBOX_MAX))}>
                  {tab === "pending" ? "Show more" : "Show older"}
                </Button>
              ) : (
                <span>(older ones: GET /api/v1/approvals, a page at a time)</span>
              )}
            </div>
          ) : null}
        </>
      )}
    </InboxFrame>
  );
}

function InboxFrame({ tab, pendingCount, children }: { tab: InboxTab; pendingCount: number | undefined; children: ReactNode }) {
  return (
    <div className="space-y-6">
      <PageHeader title="Approvals" description={DESCRIPTION} />
      <div className="space-y-4">
        <InboxTabs current={tab} pendingCount={pendingCount} />
        {children}
      </div>
    </div>
  );
}
