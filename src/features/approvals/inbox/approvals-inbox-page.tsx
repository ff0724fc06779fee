"use client";
// Every approval across runs, by status; pending ones (the longest waiting first) link to the
// run view with the step's panel open. Refreshes every few seconds and on focus.
import { useSearchParams } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { useApprovalInbox, useSegmentNames } from "../hooks/use-approval-inbox";
import { useHydrated } from "../hooks/use-hydrated";
import { usePendingApprovalCount } from "../hooks/use-pending-approval-count";
import { PeopleProvider } from "../lib/people-context";
import { ApprovalsTable } from "./approvals-table";
import { parseInboxTab, type InboxTab } from "./inbox-model";
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
  const approvals = useApprovalInbox(tab);
  const segments = useSegmentNames();
  const pending = usePendingApprovalCount();
  const hydrated = useHydrated();
  const pendingCount = !hydrated ? undefined : tab === "pending" && approvals.data ? approvals.data.length : pending.data;
  return (
    <InboxFrame tab={tab} pendingCount={pendingCount}>
      {!hydrated || approvals.isPending ? (
        <InboxSkeleton />
      ) : approvals.isError ? (
        <InboxLoadError message={approvals.error.message} onRetry={() => void approvals.refetch()} retrying={approvals.isFetching} />
      ) : approvals.data.length === 0 ? (
        <InboxEmpty tab={tab} />
      ) : (
        <PeopleProvider>
          <ApprovalsTable approvals={approvals.data} segmentNames={segments.data} tab={tab} />
        </PeopleProvider>
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
