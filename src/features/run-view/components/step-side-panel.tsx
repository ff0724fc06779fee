"use client";
/**
 * The right-hand panel of the selected step: the step run inspector, and for subsegment/map
 * steps the child runs they started (and whether one waits for a person).
 */
import Link from "next/link";
import { RunStatusBadge } from "@/features/runs/run-status-badge";
import { shortRunId } from "@/features/runs/lib/run-display";
import { findStepNode } from "@/features/editor/lib/flow-convert";
import { useEditorStore } from "@/features/editor/store";
import type { RunFacts } from "../lib/api-types";
import { CHILD_RUN_STEP_TYPES, useChildRuns, type ChildApprovals } from "../hooks/use-child-approvals";
import { TERMINAL_RUN_STATUSES } from "../lib/run-live-state";
import { useRunLiveState } from "../live/run-live-cache";
import { StepRunInspector } from "../panels/step-run-inspector";
import { useRunViewStore } from "../store/run-view-store";

export const SIDE_PANEL_WIDTH = 440;

export function StepSidePanel({ run, stepId, childApprovals }: { run: RunFacts; stepId: string; childApprovals: ChildApprovals }) {
  const step = useEditorStore((s) => findStepNode(s.nodes, stepId)?.data.step);
  const state = useRunLiveState(run.run_id, (s) => s.steps[stepId] ?? null);
  const events = useRunLiveState(run.run_id, (s) => s.events);
  const finished = useRunLiveState(run.run_id, (s) => TERMINAL_RUN_STATUSES.has(s.status));
  const clearSelection = useEditorStore((s) => s.clearSelection);
  const openRerunFrom = useRunViewStore((s) => s.openRerunFrom);
  if (!step) return null;
  const childSegment = CHILD_RUN_STEP_TYPES.has(step.type) && typeof step.config.segment_id === "string" ? step.config.segment_id : null;
  return (
    <aside
      aria-label={`Step ${step.name ?? step.step_id} in this run`}
      className="flex h-full shrink-0 flex-col border-l border-slate-200 bg-white"
      style={{ width: SIDE_PANEL_WIDTH }}
    >
      {childSegment !== null ? (
        <ChildRuns
          run={run}
          childSegmentId={childSegment}
          started={(state?.attempts ?? 0) > 0}
          going={state?.status === "running"}
          waiting={childApprovals.byStep.get(stepId)?.length ?? 0}
        />
      ) : null}
      <div className="min-h-0 flex-1">
        <StepRunInspector
          runId={run.run_id}
          step={{ step_id: step.step_id, type: step.type, name: step.name }}
          state={state}
          events={events}
          {...(finished ? { onRerunFrom: () => openRerunFrom(step.step_id) } : {})}
          onClose={clearSelection}
        />
      </div>
    </aside>
  );
}

type ChildRunsProps = { run: RunFacts; childSegmentId: string; started: boolean; going: boolean; waiting: number };

function ChildRuns({ run, childSegmentId, started, going, waiting }: ChildRunsProps) {
  const { runs, loading } = useChildRuns(run, childSegmentId, { enabled: started, poll: going });
  if (!started) return null;
  return (
    <section className="shrink-0 border-b border-slate-200 bg-slate-50/70 px-5 py-3" aria-label="Child runs" data-testid="child-runs">
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Child runs</h3>
        {waiting > 0 ? <span className="text-xs font-medium text-amber-700">{waiting} waiting for approval</span> : null}
      </div>
      {loading ? (
        <p className="mt-1.5 text-[13px] text-slate-500">Loading…</p>
      ) : runs.length === 0 ? (
        <p className="mt-1.5 text-[13px] text-slate-500">No child run yet.</p>
      ) : (
        <ul className="mt-1.5 max-h-36 space-y-1 overflow-y-auto">
          {runs.map((child) => (
            <li key={child.run_id}>
              <Link
                href={`/runs/${encodeURIComponent(child.run_id)}`}
                className="flex items-center justify-between gap-2 rounded-md px-2 py-1 text-[13px] hover:bg-white hover:shadow-xs"
              >
                <span className="font-mono text-slate-700">{shortRunId(child.run_id)}</span>
                <RunStatusBadge status={child.status} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
