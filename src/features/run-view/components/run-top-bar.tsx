"use client";
/**
 * The run view's header: back to the segment's editor, which run this is (copyable id,
 * revision, parent run), its live status, when it started, how long it has taken, what it
 * spent, and the controls.
 */
import Link from "next/link";
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { formatDuration } from "@/components/ui/format-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { RunStatusBadge } from "@/features/runs/run-status-badge";
import { shortRunId } from "@/features/runs/lib/run-display";
import { isStepNode } from "@/features/editor/lib/flow-types";
import { useEditorStore } from "@/features/editor/store";
import { builtinCatalog } from "@/shared/catalog";
import type { RunFacts } from "../lib/api-types";
import type { RunActions } from "../hooks/use-run-actions";
import { formatCost, formatTokens } from "../lib/format";
import { TERMINAL_RUN_STATUSES } from "../lib/run-live-state";
import { useRunLiveState } from "../live/run-live-cache";
import type { RunLiveConnection } from "../live/use-run-live";
import { CopyButton } from "../panels/json/copy-button";
import { RunControls } from "./run-controls";

type Props = {
  run: RunFacts;
  segmentName: string;
  connection: RunLiveConnection;
  actions: RunActions;
};

export function RunTopBar({ run, segmentName, connection, actions }: Props) {
  const status = useRunLiveState(run.run_id, (s) => s.status);
  const error = useRunLiveState(run.run_id, (s) => s.error);
  const editorHref = `/segments/${encodeURIComponent(run.segment_id)}`;
  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3" data-testid="run-top-bar">
      <Link href={editorHref} className={buttonClasses({ variant: "ghost", size: "sm", className: "text-slate-600" })} title="Open the segment in the editor">
        <span aria-hidden>←</span> Editor
      </Link>
      <span className="h-6 w-px bg-slate-200" aria-hidden />
      <div className="flex min-w-0 items-center gap-2.5">
        <h1 className="truncate text-[15px] font-semibold text-slate-900" title={segmentName}>
          {segmentName}
        </h1>
        <Link
          href={`${editorHref}/revisions/${run.revision}`}
          className="shrink-0 rounded-full hover:opacity-80"
          title={`This run executes revision ${run.revision}`}
        >
          <Badge tone="slate">rev {run.revision}</Badge>
        </Link>
        <span className="flex shrink-0 items-center gap-1 rounded-md bg-slate-50 py-0.5 pr-1 pl-2 font-mono text-xs text-slate-600 ring-1 ring-slate-200 ring-inset">
          <span className="text-slate-400">run</span>
          <span title={run.run_id} data-testid="run-id">
            {shortRunId(run.run_id)}
          </span>
          <CopyButton getText={() => run.run_id} label="Copy run id" className="p-0.5" />
        </span>
        <span data-testid="run-status" data-status={status} className="shrink-0">
          <RunStatusBadge status={status} detail={error?.message} />
        </span>
        <ConnectionPill connection={connection} finished={TERMINAL_RUN_STATUSES.has(status)} />
        {run.parent_run_id ? (
          <Link
            href={`/runs/${encodeURIComponent(run.parent_run_id)}${run.parent_step_id ? `?step=${encodeURIComponent(run.parent_step_id)}` : ""}`}
            className="shrink-0 text-xs font-medium text-indigo-600 hover:text-indigo-800"
            title="This run was started by a subsegment or map step of another run"
          >
            ↑ Parent run {shortRunId(run.parent_run_id)}
          </Link>
        ) : null}
        {run.rerun_of ? <RerunOfLink runId={run.rerun_of.run_id} stepId={run.rerun_of.step_id} /> : null}
      </div>
      <RunFigures runId={run.run_id} createdAt={run.created_at} />
      <div className="ml-auto flex shrink-0 items-center gap-2">
        <RunControls runId={run.run_id} status={status} actions={actions} />
      </div>
    </header>
  );
}

/** A re-run from a step links back to the run it re-ran, at that step. */
function RerunOfLink({ runId, stepId }: { runId: string; stepId: string }) {
  const stepName = useEditorStore((s) => {
    const node = s.nodes.find((n) => n.id === stepId);
    return node && isStepNode(node) ? (node.data.step.name ?? stepId) : stepId;
  });
  return (
    <Link
      href={`/runs/${encodeURIComponent(runId)}?step=${encodeURIComponent(stepId)}`}
      className="min-w-0 shrink truncate text-xs font-medium text-indigo-600 hover:text-indigo-800"
      title={`Re-run of run ${runId} from step “${stepName}”: the steps before it were reused`}
      data-testid="rerun-of"
    >
      ↶ Re-run of {shortRunId(runId)} from “{stepName}”
    </Link>
  );
}

function RunFigures({ runId, createdAt }: { runId: string; createdAt: string }) {
  const startedAt = useRunLiveState(runId, (s) => s.started_at);
  const finishedAt = useRunLiveState(runId, (s) => s.finished_at);
  const tokens = useRunLiveState(runId, (s) => s.tokens);
  const cost = useRunLiveState(runId, (s) => s.cost);
  const total = tokens.input + tokens.output;
  // Tokens and cost mean something for segments that call a model (an AI step here; a child
  // run's spending shows as soon as it is not zero): not "0 · $0" on every other run.
  const callsModels = useEditorStore((s) => s.nodes.some((n) => isStepNode(n) && builtinCatalog.get(n.data.step.type)?.category === "ai"));
  const spends = callsModels || total > 0 || cost > 0;
  return (
    <dl className="hidden min-w-0 items-center gap-4 pl-2 text-xs text-slate-500 xl:flex" data-testid="run-figures">
      <Figure label="Started">
        <RelativeTime value={startedAt ?? createdAt} className="text-slate-700" />
      </Figure>
      <Figure label="Duration">
        <span className="text-slate-700 tabular-nums" data-testid="run-duration">
          {startedAt ? <Duration from={startedAt} to={finishedAt} /> : "—"}
        </span>
      </Figure>
      {spends ? (
        <>
          <Figure label="Tokens">
            <span className="text-slate-700 tabular-nums" title={`${tokens.input.toLocaleString()} input + ${tokens.output.toLocaleString()} output`}>
              {formatTokens(total)}
            </span>
          </Figure>
          <Figure label="Cost">
            <span className="text-slate-700 tabular-nums">{formatCost(cost)}</span>
          </Figure>
        </>
      ) : null}
    </dl>
  );
}

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline gap-1.5 whitespace-nowrap">
      <dt>{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

/** Ticks every second while the run is going. */
function Duration({ from, to }: { from: string; to: string | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (to) return;
    // As often as the cards' own timers (200 ms): tenths show under 10 s, and the run's duration
    // must never read less than a running step's.
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, [to]);
  const end = to ? Date.parse(to) : now;
  return <>{formatDuration(Math.max(0, end - Date.parse(from)))}</>;
}

function ConnectionPill({ connection, finished }: { connection: RunLiveConnection; finished: boolean }) {
  if (connection.kind === "error") {
    return (
      <Badge tone="red" dot title={connection.message}>
        Live updates unavailable
      </Badge>
    );
  }
  if (finished) return null;
  if (connection.kind === "live") {
    return (
      <Badge tone="green" dot="pulse" title="Events arrive as they happen">
        Live
      </Badge>
    );
  }
  return (
    <Badge tone="amber" dot="pulse" title="Connecting to the server; nothing is lost meanwhile">
      {connection.kind === "reconnecting" ? "Reconnecting…" : "Connecting…"}
    </Badge>
  );
}
