/**
 * The shapes the canvas draws: step nodes, group frames and edges. Kept apart from the
 * conversion so the group logic can use them without an import cycle; flow-convert
 * re-exports everything here.
 */
import type { Edge as RFEdge, Node as RFNode, XYPosition } from "@xyflow/react";
import type { Segment, Step, StepUi } from "@/shared/segment";

export const STEP_NODE_TYPE = "step";
export const GROUP_NODE_TYPE = "group";
export const FLOW_EDGE_TYPE = "flow";
export const DEFAULT_SOURCE_HANDLE = "out";
export const DEFAULT_TARGET_HANDLE = "in";
/** Handles of a collapsed group's frame, where edges to its hidden members are drawn. */
export const GROUP_SOURCE_HANDLE = "group-out";
export const GROUP_TARGET_HANDLE = "group-in";

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

export type GroupNodeData = { group_id: string; label: string; collapsed: boolean; memberIds: string[] };
/** A group's frame: derived from `metadata.ui.groups` and the members' `ui.group`; sized around its members. */
export type GroupNode = RFNode<GroupNodeData, typeof GROUP_NODE_TYPE>;
/** What the canvas draws: frames first, then steps. */
export type EditorNode = StepNode | GroupNode;

/** One end of an edge as saved: the step and its handle (= port id). */
export type EdgeEnd = { step: string; handle: string | null | undefined };

export type FlowEdgeData = {
  condition?: string;
  /** The contract edge names the default port ("out") literally: keep it on the way back. */
  fromPortNamed?: true;
  /** The contract edge names the default port ("in") literally: keep it on the way back. */
  toPortNamed?: true;
  /**
   * Display only: set while a collapsed group hides an end of this edge. The edge is then
   * drawn to the group's frame (`source`/`target` = the frame's node id) and these are the
   * real ends; `realEdge()` and `toSegment` always use them. Never saved.
   */
  hiddenEnds?: { source?: EdgeEnd; target?: EdgeEnd };
};
export type FlowEdge = RFEdge<FlowEdgeData, typeof FLOW_EDGE_TYPE>;

/** Everything of a segment that is not the graph. */
export type SegmentBase = Omit<Segment, "steps" | "edges">;

export function isStepNode(node: EditorNode): node is StepNode {
  return node.type === STEP_NODE_TYPE;
}

export function isGroupNode(node: EditorNode): node is GroupNode {
  return node.type === GROUP_NODE_TYPE;
}

/**
 * Node id of a group's frame. Step ids cannot contain ":" (STEP_ID_PATTERN), so a frame
 * never collides with a step.
 */
export const groupNodeId = (groupId: string): string => `group:${groupId}`;

/** The step node with this id (frames are skipped): `useEditorStore((s) => findStepNode(s.nodes, id))`. */
export function findStepNode(nodes: readonly EditorNode[], stepId: string | null | undefined): StepNode | undefined {
  if (stepId === null || stepId === undefined) return undefined;
  for (const node of nodes) if (node.id === stepId && node.type === STEP_NODE_TYPE) return node;
  return undefined;
}
