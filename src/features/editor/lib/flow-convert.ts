/**
 * Segment (contract JSON) <-> React Flow graph. The only place that knows both shapes:
 * the database and the API only ever see segments, the canvas only ever sees nodes/edges.
 *
 * - Node id = step_id, node type = "step", `data.step` = the step without `ui`;
 *   `ui.x`/`ui.y` become `position`, every other `ui` key rides along in `data.uiExtras`.
 * - A step without `ui` is placed by the automatic layout and keeps no `ui` on the way
 *   back unless it was moved (`data.autoPosition` remembers where it was put).
 * - Edge handles are the port names; an edge without a port uses the default handle ids
 *   "out"/"in", which map back to an absent port. The edge id is deterministic but opaque:
 *   nothing ever parses it; the contract fields live in source/target/handles/`data`.
 *
 * - Groups (`metadata.ui.groups` + members' `ui.group`) become frame nodes drawn before the
 *   steps (see groups.ts); they are derived, so toSegment skips them.
 * - Step nodes come with their card's size and handles computed from the ports
 *   (node-handles.ts), kept until React Flow has measured the card.
 *
 * Round trip: `toSegment(segmentBase(s), ...toFlow(s))` deep-equals `s`.
 */
import type { XYPosition } from "@xyflow/react";
import type { Edge, Segment, Step } from "@/shared/segment";
import {
  DEFAULT_SOURCE_HANDLE,
  DEFAULT_TARGET_HANDLE,
  FLOW_EDGE_TYPE,
  STEP_NODE_TYPE,
  type EditorNode,
  type FlowEdge,
  type FlowEdgeData,
  type SegmentBase,
  type StepNode,
  type StepNodeData,
} from "./flow-types";
import { arrangeFlow, DEFAULT_NODE_SIZE, realEdge } from "./groups";
import { autoLayout } from "./layout";
import { withHandleEstimate } from "./node-handles";

export * from "./flow-types";
export { realEdge } from "./groups";

/** Frames first, then steps; edges in the segment's order. */
export type SegmentFlow = { nodes: EditorNode[]; edges: FlowEdge[] };

export function segmentBase(segment: Segment): SegmentBase {
  const { steps: _steps, edges: _edges, ...base } = segment;
  return base;
}

const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

export function hasPosition(step: Pick<Step, "ui">): boolean {
  return isFiniteNumber(step.ui?.x) && isFiniteNumber(step.ui?.y);
}

export function toFlow(segment: Segment): SegmentFlow {
  const placed = new Map<string, XYPosition>();
  for (const step of segment.steps) {
    if (step.ui && hasPosition(step)) placed.set(step.step_id, { x: step.ui.x, y: step.ui.y });
  }
  const auto = autoLayout({ steps: segment.steps, edges: segment.edges, entrypoint: segment.entrypoint, placed });
  const usedIds = new Set<string>();
  const edges = segment.edges.map((edge) => edgeToFlow(edge, usedIds));
  // Handles computed from the ports, so React Flow need not mount every step once to measure them.
  const steps = segment.steps.map((step) => withHandleEstimate(stepToNode(step, placed.get(step.step_id), auto.get(step.step_id)), edges));
  return arrangeFlow(segmentBase(segment), steps, edges);
}

export function stepToNode(step: Step, placed: XYPosition | undefined, auto: XYPosition | undefined): StepNode {
  const { ui, ...rest } = step;
  const data: StepNodeData = { step: rest };
  if (ui) {
    const { x: _x, y: _y, ...extras } = ui;
    data.uiExtras = extras;
  }
  const position = placed ?? auto ?? { x: 0, y: 0 };
  if (!placed) data.autoPosition = { ...position };
  // The card's usual size until measured: React Flow counts an unmeasured node as visible, so
  // without it a large segment mounts (and measures) every step even when only a few are in view.
  return { id: step.step_id, type: STEP_NODE_TYPE, position, data, initialWidth: DEFAULT_NODE_SIZE.width, initialHeight: DEFAULT_NODE_SIZE.height };
}

export function edgeToFlow(edge: Edge, usedIds: Set<string>): FlowEdge {
  const sourceHandle = edge.from_port ?? DEFAULT_SOURCE_HANDLE;
  const targetHandle = edge.to_port ?? DEFAULT_TARGET_HANDLE;
  const data: FlowEdgeData = {};
  if (edge.condition !== undefined) data.condition = edge.condition;
  if (edge.from_port === DEFAULT_SOURCE_HANDLE) data.fromPortNamed = true;
  if (edge.to_port === DEFAULT_TARGET_HANDLE) data.toPortNamed = true;
  return {
    id: uniqueEdgeId(`${edge.from_step}:${sourceHandle}->${edge.to_step}:${targetHandle}`, usedIds),
    type: FLOW_EDGE_TYPE,
    source: edge.from_step,
    target: edge.to_step,
    sourceHandle,
    targetHandle,
    data,
  };
}

/** Deterministic and unique; opaque to everything else (never split or parsed). */
export function uniqueEdgeId(base: string, usedIds: Set<string>): string {
  let id = base;
  for (let n = 2; usedIds.has(id); n++) id = `${base}#${n}`;
  usedIds.add(id);
  return id;
}

/** Group frames are skipped (groups live in `base.metadata`); edges drawn to a collapsed frame are saved with their real ends. */
export function toSegment(base: SegmentBase, nodes: readonly EditorNode[], edges: readonly FlowEdge[]): Segment {
  const steps: Step[] = [];
  for (const node of nodes) if (node.type === STEP_NODE_TYPE) steps.push(nodeToStep(node));
  return { ...base, steps, edges: edges.map((edge) => flowToEdge(realEdge(edge))) };
}

function samePosition(a: XYPosition, b: XYPosition): boolean {
  return a.x === b.x && a.y === b.y;
}

export function nodeToStep(node: StepNode): Step {
  const { step, uiExtras, autoPosition } = node.data;
  const untouched = uiExtras === undefined && autoPosition !== undefined && samePosition(autoPosition, node.position);
  if (untouched) return { ...step };
  return { ...step, ui: { x: node.position.x, y: node.position.y, ...uiExtras } };
}

export function flowToEdge(edge: FlowEdge): Edge {
  const data = edge.data ?? {};
  const result: Edge = { from_step: edge.source, to_step: edge.target };
  const fromPort = portOf(edge.sourceHandle, DEFAULT_SOURCE_HANDLE, data.fromPortNamed);
  const toPort = portOf(edge.targetHandle, DEFAULT_TARGET_HANDLE, data.toPortNamed);
  if (fromPort !== undefined) result.from_port = fromPort;
  if (toPort !== undefined) result.to_port = toPort;
  if (data.condition !== undefined) result.condition = data.condition;
  return result;
}

function portOf(handle: string | null | undefined, fallback: string, named: true | undefined): string | undefined {
  if (handle === null || handle === undefined || handle === "") return undefined;
  return handle === fallback && !named ? undefined : handle;
}
