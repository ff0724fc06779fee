"use client";
/**
 * "Restore into draft" from the read-only view, where no editor is open: the draft's current
 * version is read fresh and the server copies the revision into it; then the editor opens.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useTRPC, useTRPCClient } from "@/trpc/client";

type Props = { open: boolean; onClose: () => void; segmentId: string; revision: number };

export function RestoreFromViewerDialog({ open, onClose, segmentId, revision }: Props) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const restore = useMutation({
    mutationFn: async () => {
      const detail = await client.segments.get.query({ segment_id: segmentId });
      return client.segments.restoreRevision.mutate({ segment_id: segmentId, revision, expected_version: detail.draft?.version ?? 0 });
    },
    onSuccess: () => {
      // The editor must load the restored draft, not a cached older one.
      queryClient.removeQueries({ queryKey: trpc.segments.get.queryKey({ segment_id: segmentId }) });
      router.push(`/segments/${encodeURIComponent(segmentId)}`);
    },
  });
  return (
    <ConfirmDialog
      open={open}
      onClose={() => {
        restore.reset();
        onClose();
      }}
      onConfirm={() => restore.mutate()}
      title={`Restore revision ${revision} into the draft?`}
      confirmLabel="Restore and open the editor"
      pending={restore.isPending || restore.isSuccess}
      error={restore.error?.message ?? null}
    >
      <p>
        The draft is overwritten with revision {revision} and the editor opens on it. If the segment is open in another tab, that
        tab will be asked which version to keep. Saved revisions never change.
      </p>
    </ConfirmDialog>
  );
}
