import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { AlertTriangleIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { InboxIcon } from "../components/approval-icons";
import type { InboxTab } from "./inbox-model";

const EMPTY: Record<InboxTab, { title: string; description: string }> = {
  pending: {
    title: "Nothing is waiting for you",
    description: "When a run reaches a human approval step, it appears here until someone approves, edits or rejects it.",
  },
  approved: { title: "No approved steps yet", description: "Approvals show here once someone approves them, in the app or through a signed link." },
  rejected: { title: "No rejected steps", description: "Rejections show here with who rejected and when." },
  expired: { title: "No approvals timed out", description: "A human step with a timeout that nobody decided in time shows here, with what the timeout did." },
};

export function InboxEmpty({ tab }: { tab: InboxTab }) {
  const copy = EMPTY[tab];
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white">
      <EmptyState
        icon={<InboxIcon className="size-6" />}
        title={copy.title}
        description={copy.description}
        actions={
          tab === "pending" ? (
            <Link href="/runs" className={buttonClasses()}>
              See all runs
            </Link>
          ) : undefined
        }
      />
    </div>
  );
}

export function InboxLoadError({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  return (
    <div className="rounded-lg border border-red-200 bg-white">
      <EmptyState
        tone="danger"
        icon={<AlertTriangleIcon className="size-6" />}
        title="Couldn’t load approvals"
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

export function InboxSkeleton() {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white" aria-busy="true" aria-label="Loading approvals">
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="flex items-center gap-6 border-b border-slate-100 px-4 py-4 last:border-0">
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-56" />
            <Skeleton className="h-3 w-24" />
          </div>
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-4 w-20" />
          <Skeleton className="h-8 w-20" />
        </div>
      ))}
    </div>
  );
}
