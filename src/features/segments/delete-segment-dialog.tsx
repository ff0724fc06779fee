"use client";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import type { SegmentSummary } from "@/shared/resources/segment-resource";
import { useDeleteSegment } from "./hooks/use-segment-mutations";
import { readServerError } from "./lib/server-error";

type DeleteSegmentDialogProps = {
  segment: SegmentSummary | null;
  onClose: () => void;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Names the segment and everything that goes with it before deleting for good. */
export function DeleteSegmentDialog({ segment, onClose }: DeleteSegmentDialogProps) {
  const remove = useDeleteSegment();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    remove.reset();
    onClose();
  };

  const confirm = () => {
    if (!segment) return;
    setError(null);
    remove.mutate(
      { segment_id: segment.segment_id },
      {
        onSuccess: () => {
          toast.success("Segment deleted", `“${segment.name}” and its history are gone.`);
          close();
        },
        onError: (err) => setError(readServerError(err).message),
      },
    );
  };

  return (
    <ConfirmDialog
      open={segment !== null}
      onClose={close}
      onConfirm={confirm}
      title="Delete segment?"
      confirmLabel="Delete segment"
      tone="danger"
      pending={remove.isPending}
      error={error}
    >
      {segment ? (
        <>
          <div className="rounded-lg border border-slate-200 bg-slate-50 px-3.5 py-2.5">
            <p className="font-semibold break-words text-slate-900">{segment.name}</p>
            <p className="font-mono text-xs text-slate-500">{segment.segment_id}</p>
          </div>
          <div>
            <p>This permanently deletes the segment and everything that belongs to it:</p>
            <ul className="mt-2 list-disc space-y-0.5 pl-5 text-slate-600 marker:text-slate-400">
              <li>
                {segment.latest_revision > 0
                  ? `${plural(segment.latest_revision, "saved revision", "saved revisions")}`
                  : "its saved revisions (none yet)"}
              </li>
              <li>the draft you edit in the editor</li>
              <li>
                {segment.run_count > 0
                  ? `${plural(segment.run_count, "run", "runs")} and their history`
                  : "its runs and their history (none yet)"}
              </li>
            </ul>
          </div>
          <p className="font-medium text-red-700">This cannot be undone.</p>
        </>
      ) : null}
    </ConfirmDialog>
  );
}
