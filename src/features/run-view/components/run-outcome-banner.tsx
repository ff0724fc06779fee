"use client";
/** Under the header: how the run ended (or that it is paused), with the failing step one click away. */
import { Button } from "@/components/ui/button";
import { AlertCircleIcon, CheckCircleIcon } from "@/components/ui/icons";
import { formatDuration } from "@/components/ui/format-time";
import { useEditorStore } from "@/features/editor/store";
import { useRunLiveState } from "../live/run-live-cache";

export function RunOutcomeBanner({ runId, stepNames }: { runId: string; stepNames: Readonly<Record<string, string>> }) {
  const status = useRunLiveState(runId, (s) => s.status);
  const error = useRunLiveState(runId, (s) => s.error);
  const startedAt = useRunLiveState(runId, (s) => s.started_at);
  const finishedAt = useRunLiveState(runId, (s) => s.finished_at);
  const requestFocus = useEditorStore((s) => s.requestFocus);
  const took = startedAt && finishedAt ? formatDuration(Date.parse(finishedAt) - Date.parse(startedAt)) : null;

  if (status === "failed") {
    const stepId = error?.step_id;
    return (
      <Strip tone="red" testId="run-outcome">
        <AlertCircleIcon className="size-4 shrink-0 text-red-500" />
        <p className="min-w-0 truncate">
          <span className="font-semibold">Failed</span>
          {stepId ? <> at {stepNames[stepId] ?? stepId}</> : null}
          {error ? <span className="text-red-800">: {error.message}</span> : null}
        </p>
        {stepId ? (
          <Button size="sm" variant="ghost" className="ml-auto text-red-800 hover:bg-red-100" onClick={() => requestFocus({ kind: "step", id: stepId })}>
            Show the step
          </Button>
        ) : null}
      </Strip>
    );
  }
  if (status === "completed") {
    return (
      <Strip tone="green" testId="run-outcome">
        <CheckCircleIcon className="size-4 shrink-0 text-emerald-500" />
        <p>
          <span className="font-semibold">Completed</span>
          {took ? <span className="text-emerald-800"> in {took}</span> : null}
        </p>
      </Strip>
    );
  }
  if (status === "cancelled") {
    return (
      <Strip tone="slate" testId="run-outcome">
        <p>
          <span className="font-semibold">Cancelled</span>
          <span className="text-slate-600"> · steps that had not finished were stopped; completed steps kept their output.</span>
        </p>
      </Strip>
    );
  }
  if (status === "paused") {
    return (
      <Strip tone="slate" testId="run-outcome">
        <p>
          <span className="font-semibold">Paused</span>
          <span className="text-slate-600"> · nothing new starts until you resume the run.</span>
        </p>
      </Strip>
    );
  }
  return null;
}

const TONES = {
  red: "border-red-100 bg-red-50 text-red-900",
  green: "border-emerald-100 bg-emerald-50 text-emerald-900",
  slate: "border-slate-200 bg-slate-100 text-slate-800",
} as const;

function Strip({ tone, testId, children }: { tone: keyof typeof TONES; testId: string; children: React.ReactNode }) {
  return (
    <div role="status" data-testid={testId} className={`flex h-9 shrink-0 items-center gap-2.5 border-b px-4 text-[13px] ${TONES[tone]}`}>
      {children}
    </div>
  );
}
