"use client";
/**
 * A smoothstep connection. On its middle: the condition (if any), the validator's badge and,
 * when selected, a × that deletes it. Memoized; reads only this edge's problems.
 */
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { Problem } from "@/shared/validation";
import type { FlowEdge } from "../lib/flow-convert";
import { useCanvasReadOnly } from "../nodes/canvas-mode";
import { ProblemBadge, problemTone } from "../nodes/problem-badge";
import { useRunOverlay } from "../nodes/run-overlay";
import { useEditorStore } from "../store";
import { ConditionLabel } from "./condition-label";
import { edgeLook } from "./edge-markers";
import { runEdgeStyle } from "./run-edge-look";

const NO_PROBLEMS: readonly Problem[] = [];

function FlowEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const problems = useEditorStore((s) => s.problemsByEdge.get(id)) ?? NO_PROBLEMS;
  const readOnly = useCanvasReadOnly();
  // In the run view: data moving, delivered, or a branch not taken (the real ends when a group is collapsed).
  const runOverlay = useRunOverlay();
  const runLook =
    runOverlay?.useEdgeRun(
      data?.hiddenEnds?.source?.step ?? props.source,
      data?.hiddenEnds?.target?.step ?? props.target,
      (data?.hiddenEnds?.source ? data.hiddenEnds.source.handle : props.sourceHandleId) ?? null,
    ) ?? "idle";
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    borderRadius: 10,
    offset: 16,
  });
  const condition = data?.condition;
  const isSelected = Boolean(selected);
  const look = edgeLook(isSelected, problems.length === 0 ? null : problemTone(problems));
  const run = isSelected ? null : runEdgeStyle(runLook);
  const showDelete = isSelected && !readOnly;
  const hasLabel = condition !== undefined || problems.length > 0 || showDelete;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={run?.marker ?? look.marker}
        interactionWidth={18}
        className={run?.className ? `llmteam-edge-path ${run.className}` : "llmteam-edge-path"}
        style={{ stroke: run?.stroke ?? look.stroke, strokeWidth: run?.strokeWidth ?? (isSelected ? 2.25 : 1.5) }}
      />
      {hasLabel && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-none absolute flex items-center gap-1"
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              zIndex: isSelected ? 1001 : undefined,
            }}
            data-testid={`edge-label-${id}`}
          >
            {condition !== undefined && (
              <ConditionLabel
                edgeId={id}
                condition={condition}
                room={targetX - sourceX}
                selected={isSelected}
                problem={problems.length > 0}
              />
            )}
            <ProblemBadge problems={problems} inline testId={`edge-problems-${id}`} />
            {showDelete && <DeleteEdgeButton edgeId={id} />}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

function DeleteEdgeButton({ edgeId }: { edgeId: string }) {
  const deleteElements = useEditorStore((s) => s.deleteElements);
  return (
    <button
      type="button"
      className="pointer-events-auto flex size-5 items-center justify-center rounded-full bg-slate-800 text-white shadow-md ring-2 ring-white hover:bg-red-600"
      aria-label="Delete connection"
      title="Delete connection (Del)"
      onClick={(event) => {
        event.stopPropagation();
        deleteElements({ edgeIds: [edgeId] });
      }}
    >
      <svg width="10" height="10" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={3.5} aria-hidden>
        <path d="M18 6 6 18M6 6l12 12" strokeLinecap="round" />
      </svg>
    </button>
  );
}

export const FlowEdgeComponent = memo(FlowEdgeView);
FlowEdgeComponent.displayName = "FlowEdge";
