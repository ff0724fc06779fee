import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { AlertTriangleIcon, CompassIcon } from "@/components/ui/icons";

export function SegmentNotFound({ segmentId }: { segmentId: string }) {
  return (
    <div className="flex min-h-dvh items-center justify-center bg-slate-50">
      <EmptyState
        icon={<CompassIcon className="size-6" />}
        title="Segment not found"
        description={
          <>
            There is no segment with the id <code className="font-mono text-slate-800">{segmentId}</code>. It may have
            been deleted or renamed.
          </>
        }
        actions={
          <Link href="/" className={buttonClasses({ variant: "primary" })}>
            ← Back to segments
          </Link>
        }
      />
    </div>
  );
}

export function EditorError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="flex min-h-dvh items-center justify-center bg-slate-50">
      <EmptyState
        tone="danger"
        icon={<AlertTriangleIcon className="size-6" />}
        title="The segment could not be loaded"
        description={message}
        actions={
          <>
            <button type="button" onClick={onRetry} className={buttonClasses({ variant: "primary" })}>
              Try again
            </button>
            <Link href="/" className={buttonClasses()}>
              ← Back to segments
            </Link>
          </>
        }
      />
    </div>
  );
}
