"use client";
/**
 * The run's controls: cancel, pause, resume, re-run (whole, or from a step). Each answer is the
 * fresh run resource: it goes straight into the runs.get cache. Failures are toasts (the
 * server's message says why); a new run opens in this view.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useToast } from "@/components/ui/toast";
import type { RunOutput } from "../lib/api-types";
import { useTRPC } from "@/trpc/client";

export function useRunActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const router = useRouter();

  const remember = (detail: RunOutput) => {
    queryClient.setQueryData(trpc.runs.get.queryKey({ run_id: detail.run_id }), detail);
    void queryClient.invalidateQueries({ queryKey: trpc.runs.list.pathKey() });
  };
  const failed = (title: string) => (error: { message: string }) => toast.error(title, error.message);

  const cancel = useMutation(trpc.runs.cancel.mutationOptions({ onSuccess: remember, onError: failed("Could not cancel the run") }));
  const pause = useMutation(trpc.runs.pause.mutationOptions({ onSuccess: remember, onError: failed("Could not pause the run") }));
  const resume = useMutation(trpc.runs.resume.mutationOptions({ onSuccess: remember, onError: failed("Could not resume the run") }));
  const rerun = useMutation(
    trpc.runs.rerun.mutationOptions({
      onSuccess: (detail) => {
        remember(detail);
        router.push(`/runs/${encodeURIComponent(detail.run_id)}`);
      },
      onError: failed("Could not start the new run"),
    }),
  );
  return { cancel, pause, resume, rerun };
}

export type RunActions = ReturnType<typeof useRunActions>;
