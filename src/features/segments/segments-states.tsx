import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { AlertTriangleIcon, PlusIcon, SearchIcon, WorkflowIcon } from "@/components/ui/icons";

/** No segments at all: say what a segment is and how to start. */
export function NoSegments({ onCreate }: { onCreate: () => void }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white">
      <EmptyState
        icon={<WorkflowIcon className="size-6" />}
        title="Create your first segment"
        description={
          <>
            A segment is a workflow: steps such as LLM calls, tools and human approvals, connected on a canvas. Design it
            in the editor, save a revision, then run it and follow every step.
          </>
        }
        actions={
          <Button variant="primary" icon={<PlusIcon />} onClick={onCreate}>
            New segment
          </Button>
        }
      />
    </div>
  );
}

/** The search matched nothing. */
export function NoMatches({ query, onClear }: { query: string; onClear: () => void }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <EmptyState
        icon={<SearchIcon className="size-6" />}
        title="No matching segments"
        description={
          <>
            Nothing has a name or ID containing “<span className="font-medium text-slate-900">{query}</span>”.
          </>
        }
        actions={<Button onClick={onClear}>Clear search</Button>}
      />
    </div>
  );
}

/** Loading the list failed. */
export function SegmentsLoadError({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  return (
    <div className="rounded-lg border border-red-200 bg-white">
      <EmptyState
        tone="danger"
        icon={<AlertTriangleIcon className="size-6" />}
        title="Couldn’t load segments"
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
