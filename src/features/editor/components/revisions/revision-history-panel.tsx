"use client";
/** A side panel over the inspector: the segment's revisions, newest first, with view and restore. */
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { XIcon } from "@/components/ui/icons";
import { InlineAlert } from "@/components/ui/inline-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/client";
import { useRestoreRevision } from "../../hooks/use-restore-revision";
import { useSaveSession, useSaveState } from "../save-state/save-state-context";
import { HistoryIcon } from "../save-state/session-icons";
import { RevisionRow } from "./revision-row";

export function RevisionHistoryPanel() {
  const open = useSaveState((s) => s.historyOpen);
  return open ? <OpenPanel /> : null;
}

function OpenPanel() {
  const { store, segmentId } = useSaveSession();
  const trpc = useTRPC();
  // Pages of 30: each revision row loads its document on the server to diff it.
  const query = useInfiniteQuery({
    ...trpc.segments.revisions.infiniteQueryOptions(
      { segment_id: segmentId },
      { getNextPageParam: (page) => page.next_cursor ?? undefined, staleTime: 0 },
    ),
  });
  const revisions = query.data?.pages.flatMap((page) => page.items) ?? [];
  const latestRevision = useSaveState((s) => s.latestRevision);
  const matchesRevision = useSaveState((s) => s.matchesRevision);
  const [restoring, setRestoring] = useState<number | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const close = () => store.getState().set({ historyOpen: false });

  useEffect(() => {
    closeButton.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      // A modal on top (the restore confirmation) takes Esc for itself.
      if (event.key !== "Escape" || event.defaultPrevented || document.querySelector("dialog[open]")) return;
      store.getState().set({ historyOpen: false });
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store]);

  return (
    <aside
      aria-label="Revision history"
      data-testid="revision-history"
      className="fixed top-14 right-0 bottom-0 z-30 flex w-[380px] flex-col border-l border-slate-200 bg-white shadow-2xl shadow-slate-900/10 transition duration-150 starting:translate-x-4 starting:opacity-0"
    >
      <header className="flex h-12 shrink-0 items-center gap-2.5 border-b border-slate-100 px-4">
        <HistoryIcon className="size-4 text-slate-400" />
        <h2 className="text-sm font-semibold text-slate-900">Revision history</h2>
        <Button ref={closeButton} variant="ghost" size="sm" iconOnly aria-label="Close revision history" className="ml-auto -mr-1.5 text-slate-400" icon={<XIcon />} onClick={close} />
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {latestRevision > 0 && !matchesRevision ? (
          <div className="flex items-center gap-2.5 border-b border-slate-100 bg-amber-50/50 px-4 py-3 text-[13px] text-slate-600">
            <Badge tone="amber" dot>
              Draft
            </Badge>
            <span>Changes since revision {latestRevision}, not saved as a revision yet.</span>
          </div>
        ) : null}
        {query.isPending ? (
          <HistorySkeleton />
        ) : query.isError ? (
          <div className="p-4">
            <InlineAlert>
              The revisions could not be loaded: {query.error.message}{" "}
              <button type="button" className="font-medium underline" onClick={() => void query.refetch()}>
                Try again
              </button>
            </InlineAlert>
          </div>
        ) : revisions.length === 0 ? (
          <div className="px-6 py-12 text-center">
            <p className="text-sm font-medium text-slate-800">No revisions yet</p>
            <p className="mt-1 text-[13px] leading-relaxed text-slate-500">
              Your edits are kept in the draft. Save (Ctrl+S) turns a valid draft into revision 1, the version runs use.
            </p>
          </div>
        ) : (
          <>
          <ol className="divide-y divide-slate-100">
            {revisions.map((summary) => (
              <RevisionRow
                key={summary.revision}
                segmentId={segmentId}
                summary={summary}
                latest={summary.revision === latestRevision}
                current={summary.revision === latestRevision && matchesRevision}
                onRestore={() => setRestoring(summary.revision)}
              />
            ))}
          </ol>
          {query.hasNextPage ? (
            <div className="border-t border-slate-100 p-3 text-center">
              <Button size="sm" variant="ghost" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                Show older revisions
              </Button>
            </div>
          ) : null}
          </>
        )}
      </div>
      <RestoreConfirm revision={restoring} onDone={() => setRestoring(null)} />
    </aside>
  );
}

function RestoreConfirm({ revision, onDone }: { revision: number | null; onDone: () => void }) {
  const restore = useRestoreRevision();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    if (revision === null) return;
    setPending(true);
    setError(null);
    try {
      await restore(revision);
      toast.success(`Revision ${revision} restored into the draft`, "Ctrl+Z brings back what you had before.");
      onDone();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "The revision could not be restored.");
    } finally {
      setPending(false);
    }
  };

  return (
    <ConfirmDialog
      open={revision !== null}
      onClose={() => {
        setError(null);
        onDone();
      }}
      onConfirm={() => void confirm()}
      title={`Restore revision ${revision ?? ""} into the draft?`}
      confirmLabel="Restore into draft"
      pending={pending}
      error={error}
    >
      <p>
        The canvas will show revision {revision} and the draft is overwritten with it. What you have now stays one undo away
        (Ctrl+Z) while this editor is open. Saved revisions never change.
      </p>
    </ConfirmDialog>
  );
}

function HistorySkeleton() {
  return (
    <div className="space-y-5 p-4" aria-busy="true" aria-label="Loading revisions">
      {[0, 1, 2].map((i) => (
        <div key={i} className="space-y-2">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-3.5 w-48" />
          <Skeleton className="h-3.5 w-24" />
        </div>
      ))}
    </div>
  );
}
