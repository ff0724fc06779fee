"use client";
/** A smoothstep connection; a conditional edge carries its condition as a label. */
import { BaseEdge, getSmoothStepPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { FlowEdge } from "../lib/flow-convert";
import { ConditionLabel } from "./condition-label";

export const EDGE_COLOR = "#94a3b8";
export const EDGE_COLOR_SELECTED = "#334155";

function FlowEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
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
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={16}
        style={{ stroke: selected ? EDGE_COLOR_SELECTED : EDGE_COLOR, strokeWidth: selected ? 2 : 1.5 }}
      />
      {condition !== undefined && (
        <ConditionLabel
          edgeId={id}
          condition={condition}
          x={labelX}
          y={labelY}
          room={targetX - sourceX}
          selected={Boolean(selected)}
        />
      )}
    </>
  );
}

export const FlowEdgeComponent = memo(FlowEdgeView);
FlowEdgeComponent.displayName = "FlowEdge";
