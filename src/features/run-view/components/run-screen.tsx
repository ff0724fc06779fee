"use client";
/**
 * The run view's layout: the header with the controls, the run's outcome when it has one,
 * the canvas in the middle (with the approval card over it), the timeline at the bottom and
 * the selected step's panel on the right.
 */
import { memo, useCallback, useMemo } from "react";
import { EditorCanvas } from "@/features/editor/components/editor-canvas";
import { RunEdgeMarkerDefs } from "@/features/editor/edges/run-edge-look";
import type { StepRunAction } from "@/features/editor/nodes/run-overlay";
import { useEditorStore } from "@/features/editor/store";
import type { RunFacts } from "../lib/api-types";
import type { Segment } from "@/shared/segment";
import { CHILD_RUN_STEP_TYPES, useChildApprovals } from "../hooks/use-child-approvals";
import { useRunActions } from "../hooks/use-run-actions";
import { useStepInUrl } from "../hooks/use-step-in-url";
import { stepLabel } from "../lib/format";
import { TERMINAL_RUN_STATUSES } from "../lib/run-live-state";
import { useRunLiveState } from "../live/run-live-cache";
import { RunOverlayProvider } from "../live/run-overlay-provider";
import type { RunLiveConnection } from "../live/use-run-live";
import { useRunViewStore } from "../store/run-view-store";
import { ApprovalDock } from "./approval-dock";
import { RerunFromStepDialog } from "./rerun-from-step-dialog";
import { RunOutcomeBanner } from "./run-outcome-banner";
import { RunTopBar } from "./run-top-bar";
import { StepSidePanel } from "./step-side-panel";
import { TimelineDock } from "./timeline-dock";

type Props = { run: RunFacts; segment: Segment; connection: RunLiveConnection };

export function RunScreen({ run, segment, connection }: Props) {
  useStepInUrl();
  const runId = run.run_id;
  const actions = useRunActions();
  const finished = useRunLiveState(runId, (s) => TERMINAL_RUN_STATUSES.has(s.status));
  const hasChildSteps = useMemo(() => segment.steps.some((s) => CHILD_RUN_STEP_TYPES.has(s.type)), [segment]);
  const childApprovals = useChildApprovals(run, hasChildSteps, !finished);
  const stepNames = useMemo(() => Object.fromEntries(segment.steps.map((s) => [s.step_id, stepLabel(s)])), [segment]);
  const selected = useEditorStore((s) => s.selectedStepId);
  const openRerunFrom = useRunViewStore((s) => s.openRerunFrom);

  const stepActions = useCallback(
    (stepId: string): StepRunAction[] => [
      {
        label: finished ? "Re-run from this step…" : "Re-run from this step (when the run has finished)",
        icon: <RerunGlyph />,
        disabled: !finished,
        onSelect: () => openRerunFrom(stepId),
      },
    ],
    [finished, openRerunFrom],
  );

  return (
    <RunOverlayProvider runId={runId} childApprovalSteps={childApprovals.stepIds} stepActions={stepActions}>
      <div className="flex h-dvh flex-col bg-slate-50" data-testid="run-view" data-run-id={runId}>
        <RunTopBar run={run} segmentName={segment.name} connection={connection} actions={actions} />
        <RunOutcomeBanner runId={runId} stepNames={stepNames} />
        <div className="flex min-h-0 flex-1">
          <div className="flex min-w-0 flex-1 flex-col">
            <main className="relative min-h-0 flex-1" aria-label="Run on the canvas">
              <RunEdgeMarkerDefs />
              <Canvas />
              <ApprovalDock runId={runId} stepNames={stepNames} childApprovals={childApprovals} />
            </main>
            <TimelineDock runId={runId} stepNames={stepNames} />
          </div>
          {selected ? <StepSidePanel run={run} stepId={selected} childApprovals={childApprovals} /> : null}
        </div>
        <RerunDialog run={run} segment={segment} stepNames={stepNames} />
      </div>
    </RunOverlayProvider>
  );
}

/** The canvas never re-renders with the screen: nodes and edges follow the run on their own. */
const Canvas = memo(function Canvas() {
  return <EditorCanvas readOnly />;
});

function RerunDialog({ run, segment, stepNames }: { run: RunFacts; segment: Segment; stepNames: Record<string, string> }) {
  const stepId = useRunViewStore((s) => s.rerunFromStep);
  const close = useRunViewStore((s) => s.closeRerunFrom);
  const stepInput = useRunLiveState(run.run_id, (s) => (stepId ? s.steps[stepId]?.input : undefined));
  return (
    <RerunFromStepDialog
      runId={run.run_id}
      step={stepId ? { step_id: stepId, name: stepNames[stepId] ?? stepId } : null}
      runInput={run.input}
      stepInput={stepInput}
      isEntrypoint={stepId === segment.entrypoint}
      onClose={close}
    />
  );
}

function RerunGlyph() {
  return (
    <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M3 12a9 9 0 0 1 15.5-6.2L21 8M21 3v5h-5" />
      <path d="M9 9.5v5l4-2.5z" fill="currentColor" />
    </svg>
  );
}
