import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ActivityIcon, AlertTriangleIcon, SearchIcon } from "@/components/ui/icons";

/** Nothing has ever run. */
export function NoRuns() {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white">
      <EmptyState
        icon={<ActivityIcon className="size-6" />}
        title="No runs yet"
        description="Runs appear here when you run a segment. Open a segment in the editor and start a run to follow its steps live."
        actions={
          <Link href="/" className={buttonClasses()}>
            Go to segments
          </Link>
        }
      />
    </div>
  );
}

/** Runs exist, but none match the filters. */
export function NoMatchingRuns({ onClear }: { onClear: () => void }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <EmptyState
        icon={<SearchIcon className="size-6" />}
        title="No runs match these filters"
        description="Try another status or segment, or clear the filters to see every run."
        actions={<Button onClick={onClear}>Clear filters</Button>}
      />
    </div>
  );
}

export function RunsLoadError({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  return (
    <div className="rounded-lg border border-red-200 bg-white">
      <EmptyState
        tone="danger"
        icon={<AlertTriangleIcon className="size-6" />}
        title="Couldn’t load runs"
        description={message}
        actions={
          <Button onClick={onRetry} loading={retrying}>
            Try again
          </Button>
        }
      />
    </div>
  );
}
