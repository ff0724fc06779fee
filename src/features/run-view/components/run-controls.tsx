"use client";
/**
 * Pause / Resume, Cancel and Re-run for the run in view. A control the run's state does not
 * allow is disabled and says why (tooltip); cancelling asks first.
 */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { defineIcon } from "@/components/ui/icons";
import { TERMINAL_RUN_STATUSES, type RunLiveStatus } from "../lib/run-live-state";
import type { RunActions } from "../hooks/use-run-actions";

const PauseIcon = defineIcon(<path d="M9 5v14M15 5v14" />, "PauseIcon");
const PlayIcon = defineIcon(<path d="M7 4.5v15l12-7.5z" />, "PlayIcon");
const StopIcon = defineIcon(<rect x="6" y="6" width="12" height="12" rx="2" />, "StopIcon");
const RerunIcon = defineIcon(<path d="M3 12a9 9 0 0 1 15.5-6.2L21 8M21 3v5h-5M21 12a9 9 0 0 1-15.5 6.2L3 16M3 21v-5h5" />, "RerunIcon");

type Props = {
  runId: string;
  status: RunLiveStatus;
  actions: RunActions;
};

export function RunControls({ runId, status, actions }: Props) {
  const [confirmCancel, setConfirmCancel] = useState(false);
  // Pausing lets in-flight steps finish first: say so until segment.paused arrives.
  const [pauseAsked, setPauseAsked] = useState(false);
  const finished = TERMINAL_RUN_STATUSES.has(status);
  const pausing = pauseAsked && (status === "running" || status === "waiting");
  const { cancel, pause, resume, rerun } = actions;

  const pauseReason = finished ? `The run has ${status}` : status === "pending" ? "The run has not started yet" : null;
  const cancelReason = finished ? `The run has already ${status === "cancelled" ? "been cancelled" : status}` : null;

  return (
    <div className="flex items-center gap-1.5" role="group" aria-label="Run controls">
      {status === "paused" ? (
        <Button
          size="sm"
          variant="primary"
          icon={<PlayIcon className="size-3.5" />}
          loading={resume.isPending}
          onClick={() => resume.mutate({ run_id: runId }, { onSuccess: () => setPauseAsked(false) })}
          title="Continue the run where it stopped"
        >
          Resume
        </Button>
      ) : (
        <Button
          size="sm"
          icon={<PauseIcon className="size-3.5" />}
          disabled={pauseReason !== null || pausing}
          loading={pause.isPending}
          title={pauseReason ?? (pausing ? "Steps in flight finish first, then the run pauses" : "Finish the steps in flight, start nothing new")}
          onClick={() => pause.mutate({ run_id: runId }, { onSuccess: () => setPauseAsked(true) })}
        >
          {pausing ? "Pausing…" : "Pause"}
        </Button>
      )}
      <Button
        size="sm"
        variant="secondary"
        className="text-red-700 hover:bg-red-50 hover:text-red-800"
        icon={<StopIcon className="size-3.5" />}
        disabled={cancelReason !== null}
        title={cancelReason ?? "Stop the run now"}
        onClick={() => setConfirmCancel(true)}
      >
        Cancel run
      </Button>
      <Button
        size="sm"
        icon={<RerunIcon className="size-3.5" />}
        loading={rerun.isPending}
        title="Start a new run of the same revision with the same input"
        onClick={() => rerun.mutate({ run_id: runId })}
      >
        Re-run
      </Button>
      <ConfirmDialog
        open={confirmCancel}
        onClose={() => setConfirmCancel(false)}
        onConfirm={() => cancel.mutate({ run_id: runId }, { onSettled: () => setConfirmCancel(false) })}
        title="Cancel this run?"
        confirmLabel="Cancel run"
        cancelLabel="Keep running"
        tone="danger"
        pending={cancel.isPending}
      >
        Steps in flight are stopped, pending approvals are withdrawn and child runs are cancelled. Completed steps keep their
        output. This cannot be undone, but you can re-run it.
      </ConfirmDialog>
    </div>
  );
}
