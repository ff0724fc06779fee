"use client";
/** /segments/[id]/revisions/[n]: one saved revision on the canvas, read-only, with "Restore into draft". */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { CompassIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import { ToastProvider } from "@/components/ui/toast";
import type { RevisionDocument } from "@/shared/resources/segment-resource";
import { useTRPC } from "@/trpc/client";
import { isNotFoundError } from "../../hooks/use-segment-detail";
import { useValidation } from "../../hooks/use-validation";
import { readSegmentDocument } from "../../lib/read-document";
import { EditorStoreProvider } from "../../store";
import { EditorCanvas } from "../editor-canvas";
import { EditorError } from "../editor-error";
import { EditorSkeleton } from "../editor-skeleton";
import { EyeIcon, RotateCcwIcon } from "../save-state/session-icons";
import { RestoreFromViewerDialog } from "./restore-from-viewer";

export function RevisionViewer({ segmentId, revision }: { segmentId: string; revision: number }) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.segments.revision.queryOptions({ segment_id: segmentId, revision }),
    retry: (failures, error) => !isNotFoundError(error) && failures < 1,
  });
  if (query.isPending) return <EditorSkeleton />;
  if (query.isError) {
    return isNotFoundError(query.error) ? (
      <RevisionNotFound segmentId={segmentId} revision={revision} />
    ) : (
      <EditorError message={query.error.message} onRetry={() => void query.refetch()} />
    );
  }
  return (
    <ToastProvider>
      <LoadedRevision key={`${segmentId}/${revision}`} saved={query.data} />
    </ToastProvider>
  );
}

function LoadedRevision({ saved }: { saved: RevisionDocument }) {
  const [segment] = useState(() => readSegmentDocument(saved.document, { segment_id: saved.segment_id, name: saved.segment_id }));
  return (
    <EditorStoreProvider segment={segment}>
      <RevisionScreen saved={saved} name={segment.name} />
    </EditorStoreProvider>
  );
}

function RevisionScreen({ saved, name }: { saved: RevisionDocument; name: string }) {
  useValidation();
  const [restoring, setRestoring] = useState(false);
  const editorHref = `/segments/${encodeURIComponent(saved.segment_id)}`;
  return (
    <div className="flex h-dvh flex-col bg-slate-50">
      <header className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3">
        <Link href={editorHref} className={buttonClasses({ variant: "ghost", size: "sm", className: "text-slate-600" })}>
          <span aria-hidden>←</span> Editor
        </Link>
        <span className="h-6 w-px bg-slate-200" aria-hidden />
        <h1 className="truncate text-[15px] font-semibold text-slate-900">{name}</h1>
        <code className="truncate font-mono text-xs text-slate-500">{saved.segment_id}</code>
        <Badge tone="slate">rev {saved.revision}</Badge>
      </header>
      <div
        role="status"
        data-testid="revision-banner"
        className="flex shrink-0 items-center gap-3 border-b border-indigo-100 bg-indigo-50 px-4 py-2 text-[13px] text-indigo-900"
      >
        <EyeIcon className="size-4 shrink-0 text-indigo-500" />
        <p className="min-w-0 truncate">
          <span className="font-semibold">Revision {saved.revision}</span>
          <span className="text-indigo-700"> · read-only · saved </span>
          <RelativeTime value={saved.created_at} className="text-indigo-700" />
          {saved.created_by ? <span className="text-indigo-700"> by {saved.created_by}</span> : null}
        </p>
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <Link href={editorHref} className={buttonClasses({ size: "sm", variant: "ghost", className: "text-indigo-700 hover:bg-indigo-100" })}>
            Back to the draft
          </Link>
          <Button size="sm" variant="primary" icon={<RotateCcwIcon className="size-3.5" />} onClick={() => setRestoring(true)}>
            Restore into draft
          </Button>
        </div>
      </div>
      <main className="relative min-h-0 flex-1" aria-label={`Revision ${saved.revision}, read-only`}>
        <EditorCanvas readOnly />
      </main>
      <RestoreFromViewerDialog open={restoring} onClose={() => setRestoring(false)} segmentId={saved.segment_id} revision={saved.revision} />
    </div>
  );
}

function RevisionNotFound({ segmentId, revision }: { segmentId: string; revision: number }) {
  return (
    <div className="flex min-h-dvh items-center justify-center bg-slate-50">
      <EmptyState
        icon={<CompassIcon className="size-6" />}
        title="Revision not found"
        description={
          <>
            <code className="font-mono text-slate-800">{segmentId}</code> has no revision {revision}.
          </>
        }
        actions={
          <Link href={`/segments/${encodeURIComponent(segmentId)}`} className={buttonClasses({ variant: "primary" })}>
            ← Back to the editor
          </Link>
        }
      />
    </div>
  );
}
