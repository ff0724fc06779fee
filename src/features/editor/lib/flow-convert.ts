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
 * Round trip: `toSegment(segmentBase(s), ...toFlow(s))` deep-equals `s`.
 */
import type { Edge as RFEdge, Node as RFNode, XYPosition } from "@xyflow/react";
import type { Edge, Segment, Step, StepUi } from "@/shared/segment";
import { autoLayout } from "./layout";

export const STEP_NODE_TYPE = "step";
export const FLOW_EDGE_TYPE = "flow";
export const DEFAULT_SOURCE_HANDLE = "out";
export const DEFAULT_TARGET_HANDLE = "in";

/** Editor-only `ui` keys other than the position (width, collapsed, group, ...). */
export type StepUiExtras = Omit<StepUi, "x" | "y">;

export type StepNodeData = {
  /** The step as in the contract, minus `ui`. */
  step: Omit<Step, "ui">;
  /** The step's `ui` without x/y; absent when the step had no `ui`. */
  uiExtras?: StepUiExtras;
  /** Set when the position came from the automatic layout, not from `ui`. */
  autoPosition?: XYPosition;
};
export type StepNode = RFNode<StepNodeData, typeof STEP_NODE_TYPE>;

export const GROUP_NODE_TYPE = "group";
export type GroupNodeData = { group_id: string; label: string; collapsed: boolean; memberIds: string[] };
/** A group's frame: derived from `metadata.ui.groups` and the members' `ui.group`; sized around its members. */
export type GroupNode = RFNode<GroupNodeData, typeof GROUP_NODE_TYPE>;
/** What the canvas draws: frames first, then steps. */
export type EditorNode = StepNode | GroupNode;

export type FlowEdgeData = {
  condition?: string;
  /** The contract edge names the default port ("out") literally: keep it on the way back. */
  fromPortNamed?: true;
  /** The contract edge names the default port ("in") literally: keep it on the way back. */
  toPortNamed?: true;
};
export type FlowEdge = RFEdge<FlowEdgeData, typeof FLOW_EDGE_TYPE>;

/** Everything of a segment that is not the graph. */
export type SegmentBase = Omit<Segment, "steps" | "edges">;

export type SegmentFlow = { nodes: StepNode[]; edges: FlowEdge[] };

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
  const nodes = segment.steps.map((step) => stepToNode(step, placed.get(step.step_id), auto.get(step.step_id)));
  const usedIds = new Set<string>();
  const edges = segment.edges.map((edge) => edgeToFlow(edge, usedIds));
  return { nodes, edges };
}

function stepToNode(step: Step, placed: XYPosition | undefined, auto: XYPosition | undefined): StepNode {
  const { ui, ...rest } = step;
  const data: StepNodeData = { step: rest };
  if (ui) {
    const { x: _x, y: _y, ...extras } = ui;
    data.uiExtras = extras;
  }
  const position = placed ?? auto ?? { x: 0, y: 0 };
  if (!placed) data.autoPosition = { ...position };
  return { id: step.step_id, type: STEP_NODE_TYPE, position, data };
}

function edgeToFlow(edge: Edge, usedIds: Set<string>): FlowEdge {
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
function uniqueEdgeId(base: string, usedIds: Set<string>): string {
  let id = base;
  for (let n = 2; usedIds.has(id); n++) id = `${base}#${n}`;
  usedIds.add(id);
  return id;
}

export function toSegment(base: SegmentBase, nodes: readonly StepNode[], edges: readonly FlowEdge[]): Segment {
  return { ...base, steps: nodes.map(nodeToStep), edges: edges.map(flowToEdge) };
}

function samePosition(a: XYPosition, b: XYPosition): boolean {
  return a.x === b.x && a.y === b.y;
}

function nodeToStep(node: StepNode): Step {
  const { step, uiExtras, autoPosition } = node.data;
  const untouched = uiExtras === undefined && autoPosition !== undefined && samePosition(autoPosition, node.position);
  if (untouched) return { ...step };
  return { ...step, ui: { x: node.position.x, y: node.position.y, ...uiExtras } };
}

function flowToEdge(edge: FlowEdge): Edge {
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

export function isStepNode(node: EditorNode): node is StepNode {
  return node.type === STEP_NODE_TYPE;
}

export function isGroupNode(node: EditorNode): node is GroupNode {
  return node.type === GROUP_NODE_TYPE;
}
