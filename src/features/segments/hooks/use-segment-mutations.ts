"use client";
// Create, rename and delete, each keeping the cached list in step with the
// server at once (so the UI never shows a stale row) and then refetching.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SegmentSummary } from "@/shared/resources/segment-resource";
import { useTRPC } from "@/trpc/client";

function toSummary(segment: SegmentSummary): SegmentSummary {
  const { segment_id, name, description, latest_revision, step_count, run_count, created_at, updated_at } = segment;
  return { segment_id, name, description, latest_revision, step_count, run_count, created_at, updated_at };
}

export function useCreateSegment() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.segments.create.mutationOptions({
      onSuccess: (created) => {
        queryClient.setQueryData(trpc.segments.list.queryKey(), (list) =>
          list ? [toSummary(created), ...list.filter((s) => s.segment_id !== created.segment_id)] : list,
        );
        queryClient.setQueryData(trpc.segments.get.queryKey({ segment_id: created.segment_id }), created);
        // Not awaited: the caller navigates to the editor right away.
        void queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() });
      },
    }),
  );
}

export function useRenameSegment() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.segments.rename.mutationOptions({
      onSuccess: async (renamed) => {
        queryClient.setQueryData(trpc.segments.list.queryKey(), (list) =>
          list?.map((s) => (s.segment_id === renamed.segment_id ? toSummary(renamed) : s)),
        );
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.segments.get.queryKey({ segment_id: renamed.segment_id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() }),
        ]);
      },
    }),
  );
}

export function useDeleteSegment() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.segments.delete.mutationOptions({
      onSuccess: async ({ segment_id }) => {
        queryClient.setQueryData(trpc.segments.list.queryKey(), (list) => list?.filter((s) => s.segment_id !== segment_id));
        queryClient.removeQueries({ queryKey: trpc.segments.get.queryKey({ segment_id }) });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() }),
        ]);
      },
    }),
  );
}
