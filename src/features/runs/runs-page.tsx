"use client";
// Every run, newest first, filtered through the URL, a page at a time.
import { Suspense } from "react";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { useRunFilters } from "./hooks/use-run-filters";
import { useRunList } from "./hooks/use-run-list";
import { RunsFilters } from "./runs-filters";
import { RunsSkeleton } from "./runs-skeleton";
import { NoMatchingRuns, NoRuns, RunsLoadError } from "./runs-states";
import { RunsTable } from "./runs-table";

const DESCRIPTION = "Every execution of a segment, newest first.";

export function RunsPage() {
  return (
    // useSearchParams needs a Suspense boundary for the static shell of the page.
    <Suspense fallback={<RunsPageFallback />}>
      <RunsPageContent />
    </Suspense>
  );
}

function RunsPageFallback() {
  return (
    <div className="space-y-6">
      <PageHeader title="Runs" description={DESCRIPTION} />
      <RunsSkeleton />
    </div>
  );
}

function RunsPageContent() {
  const { filters, active, setStatus, setSegment, clear } = useRunFilters();
  const runs = useRunList(filters);
  const items = runs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="space-y-6">
      <PageHeader title="Runs" description={DESCRIPTION} />
      <RunsFilters filters={filters} active={active} onStatus={setStatus} onSegment={setSegment} onClear={clear} />

      {runs.isPending ? (
        <RunsSkeleton />
      ) : runs.isError ? (
        <RunsLoadError message={runs.error.message} onRetry={() => void runs.refetch()} retrying={runs.isFetching} />
      ) : items.length === 0 ? (
        active ? (
          <NoMatchingRuns onClear={clear} />
        ) : (
          <NoRuns />
        )
      ) : (
        <div className="space-y-4">
          <RunsTable runs={items} />
          <div className="flex items-center justify-between text-sm text-slate-500">
            <p className="tabular-nums">
              Showing {items.length} {items.length === 1 ? "run" : "runs"}
              {runs.hasNextPage ? "" : " (all)"}
            </p>
            {runs.hasNextPage ? (
              <Button onClick={() => void runs.fetchNextPage()} loading={runs.isFetchingNextPage}>
                Load more
              </Button>
            ) : null}
          </div>
        </div>
      )}
    </div>
  );
}
