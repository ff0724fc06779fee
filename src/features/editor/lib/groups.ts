/**
 * Step groups: labelled frames around steps. The segment keeps them as
 * `metadata.ui.groups: [{group_id, label, collapsed}]` plus `ui.group` on each member; the
 * frame nodes, the members' `hidden` flags and the edges drawn to a collapsed frame are
 * derived here from that, so nothing about a frame is ever saved except through metadata.
 */
import type { XYPosition } from "@xyflow/react";
import {
  GROUP_NODE_TYPE,
  GROUP_SOURCE_HANDLE,
  GROUP_TARGET_HANDLE,
  groupNodeId,
  type EditorNode,
  type FlowEdge,
  type GroupNode,
  type SegmentBase,
  type StepNode,
} from "./flow-types";

export type StepGroup = { group_id: string; label: string; collapsed: boolean };

/** Size of a step whose size React Flow has not measured yet. */
export const DEFAULT_NODE_SIZE = { width: 240, height: 88 } as const;
/**
 * Space between the members' bounding box and the frame; the top leaves room for the label.
 * Both offsets are multiples of the canvas's 16px snap grid, so a frame around on-grid steps
 * is on the grid too and dragging it (React Flow snaps the frame) keeps its steps on the grid.
 */
export const GROUP_PADDING = 32;
export const GROUP_HEADER = 32;
/** A collapsed group is one box of this size at its members' top-left corner. */
export const COLLAPSED_GROUP_SIZE = { width: 240, height: 72 } as const;
/**
 * Frames sit below steps even when selected: React Flow lifts a selected node by 1000
 * (elevateNodesOnSelect), which brings a selected frame to 0, level with the steps, and
 * frames come first in `nodes`, so steps stay on top and clickable.
 */
export const FRAME_Z_INDEX = -1000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The well-formed groups of `metadata.ui.groups`, in order; malformed entries are skipped (and kept in the metadata). */
export function readGroups(metadata: SegmentBase["metadata"]): StepGroup[] {
  const ui = metadata?.ui;
  const list = isRecord(ui) ? ui.groups : undefined;
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const groups: StepGroup[] = [];
  for (const entry of list) {
    if (!isRecord(entry) || typeof entry.group_id !== "string" || entry.group_id === "" || seen.has(entry.group_id)) continue;
    seen.add(entry.group_id);
    groups.push({
      group_id: entry.group_id,
      label: typeof entry.label === "string" ? entry.label : entry.group_id,
      collapsed: entry.collapsed === true,
    });
  }
  return groups;
}

/** Metadata with `ui.groups` replaced; empty containers this created are dropped again. */
export function writeGroups(metadata: SegmentBase["metadata"], groups: readonly StepGroup[]): SegmentBase["metadata"] {
  const ui = isRecord(metadata?.ui) ? { ...metadata.ui } : {};
  if (groups.length > 0) ui.groups = groups.map((g) => ({ group_id: g.group_id, label: g.label, collapsed: g.collapsed }));
  else delete ui.groups;
  const next: Record<string, unknown> = { ...metadata };
  if (Object.keys(ui).length > 0) next.ui = ui;
  else delete next.ui;
  return Object.keys(next).length > 0 ? next : undefined;
}

export function withGroups(base: SegmentBase, groups: readonly StepGroup[]): SegmentBase {
  const { metadata: _metadata, ...rest } = base;
  const metadata = writeGroups(base.metadata, groups);
  return metadata === undefined ? rest : { ...rest, metadata };
}

export const groupOf = (node: StepNode): string | undefined => {
  const group = node.data.uiExtras?.group;
  return typeof group === "string" ? group : undefined;
};

export function nodeSize(node: Pick<StepNode, "measured" | "width" | "height">): { width: number; height: number } {
  return {
    width: node.measured?.width ?? node.width ?? DEFAULT_NODE_SIZE.width,
    height: node.measured?.height ?? node.height ?? DEFAULT_NODE_SIZE.height,
  };
}

/** The frame's box around its members (expanded) or the fixed collapsed box. */
export function frameBox(members: readonly StepNode[], collapsed: boolean): XYPosition & { width: number; height: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const member of members) {
    const { width, height } = nodeSize(member);
    minX = Math.min(minX, member.position.x);
    minY = Math.min(minY, member.position.y);
    maxX = Math.max(maxX, member.position.x + width);
    maxY = Math.max(maxY, member.position.y + height);
  }
  const x = minX - GROUP_PADDING;
  const y = minY - GROUP_PADDING - GROUP_HEADER;
  if (collapsed) return { x, y, ...COLLAPSED_GROUP_SIZE };
  return { x, y, width: maxX - minX + 2 * GROUP_PADDING, height: maxY - minY + 2 * GROUP_PADDING + GROUP_HEADER };
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

function frameNode(group: StepGroup, members: readonly StepNode[], previous: GroupNode | undefined): GroupNode {
  const box = frameBox(members, group.collapsed);
  const memberIds = members.map((m) => m.id);
  if (
    previous &&
    previous.position.x === box.x &&
    previous.position.y === box.y &&
    previous.width === box.width &&
    previous.height === box.height &&
    previous.data.label === group.label &&
    previous.data.collapsed === group.collapsed &&
    sameIds(previous.data.memberIds, memberIds)
  ) {
    return previous;
  }
  const node: GroupNode = {
    id: groupNodeId(group.group_id),
    type: GROUP_NODE_TYPE,
    position: { x: box.x, y: box.y },
    width: box.width,
    height: box.height,
    data: { group_id: group.group_id, label: group.label, collapsed: group.collapsed, memberIds },
    zIndex: FRAME_Z_INDEX,
    // Edges are drawn to a collapsed frame but never started from it: they belong to steps.
    connectable: false,
  };
  if (previous?.selected) node.selected = true;
  if (previous?.dragging) node.dragging = true;
  return node;
}

/** The edge as saved: the real ends when a collapsed frame stands in for one, and never hidden. */
export function realEdge(edge: FlowEdge): FlowEdge {
  const hidden = edge.data?.hiddenEnds;
  if (!hidden && !edge.hidden) return edge;
  const cached = realOf.get(edge);
  if (cached) return cached;
  const { hiddenEnds: _hidden, ...data } = edge.data ?? {};
  const { deletable: _deletable, hidden: _hiddenInGroup, ...rest } = edge;
  const real: FlowEdge = { ...rest, data };
  if (hidden?.source) {
    real.source = hidden.source.step;
    real.sourceHandle = hidden.source.handle;
  }
  if (hidden?.target) {
    real.target = hidden.target.step;
    real.targetHandle = hidden.target.handle;
  }
  return real;
}

/** Real edge → its drawing on collapsed frames (and back), so unchanged edges keep their identity. */
const displayOf = new WeakMap<FlowEdge, { key: string; edge: FlowEdge }>();
const realOf = new WeakMap<FlowEdge, FlowEdge>();

function retarget(edge: FlowEdge, sourceGroup: string | undefined, targetGroup: string | undefined): FlowEdge {
  const key = `${sourceGroup ?? ""}\n${targetGroup ?? ""}`;
  const cached = displayOf.get(edge);
  if (cached?.key === key) return cached.edge;
  const hiddenEnds: NonNullable<NonNullable<FlowEdge["data"]>["hiddenEnds"]> = {};
  // Not deletable by React Flow: deleting the frame would otherwise take these real edges with it.
  const display: FlowEdge = { ...edge, deletable: false, data: { ...edge.data, hiddenEnds } };
  if (sourceGroup !== undefined) {
    hiddenEnds.source = { step: edge.source, handle: edge.sourceHandle };
    display.source = groupNodeId(sourceGroup);
    display.sourceHandle = GROUP_SOURCE_HANDLE;
  }
  if (targetGroup !== undefined) {
    hiddenEnds.target = { step: edge.target, handle: edge.targetHandle };
    display.target = groupNodeId(targetGroup);
    display.targetHandle = GROUP_TARGET_HANDLE;
  }
  displayOf.set(edge, { key, edge: display });
  realOf.set(display, edge);
  return display;
}

/**
 * An edge between two members of one collapsed group: not drawn. React Flow 12 still draws
 * the edges of hidden nodes (a stray arrow where the members were), so it is hidden itself.
 */
function hiddenInside(edge: FlowEdge, groupId: string): FlowEdge {
  const key = `inside\n${groupId}`;
  const cached = displayOf.get(edge);
  if (cached?.key === key) return cached.edge;
  const display: FlowEdge = { ...edge, hidden: true };
  displayOf.set(edge, { key, edge: display });
  realOf.set(display, edge);
  return display;
}

/**
 * What the canvas shows for a document: frames first (one per group with members), then
 * the steps (members of collapsed groups hidden and unselected), and the edges (an end at
 * a hidden member is drawn to its frame; an edge with both ends in the same collapsed group
 * is hidden). Unchanged nodes and edges keep their identity.
 *
 * `steps` are step nodes and `edges` real edges; `previous` are the nodes shown before
 * (their frames keep their selection and identity).
 */
export function arrangeFlow(
  base: SegmentBase,
  steps: readonly StepNode[],
  edges: readonly FlowEdge[],
  previous: readonly EditorNode[] = [],
): { nodes: EditorNode[]; edges: FlowEdge[] } {
  const groups = readGroups(base.metadata);
  if (groups.length === 0) {
    return { nodes: steps.map(unhidden), edges: [...edges] };
  }
  const byGroup = new Map<string, StepNode[]>(groups.map((g) => [g.group_id, []]));
  for (const step of steps) {
    const group = groupOf(step);
    if (group !== undefined) byGroup.get(group)?.push(step);
  }
  const hiddenIn = new Map<string, string>();
  for (const group of groups) {
    if (!group.collapsed) continue;
    for (const member of byGroup.get(group.group_id) ?? []) hiddenIn.set(member.id, group.group_id);
  }
  const previousFrames = new Map<string, GroupNode>();
  for (const node of previous) if (node.type === GROUP_NODE_TYPE) previousFrames.set(node.id, node);
  const frames: EditorNode[] = [];
  for (const group of groups) {
    const members = byGroup.get(group.group_id) ?? [];
    if (members.length > 0) frames.push(frameNode(group, members, previousFrames.get(groupNodeId(group.group_id))));
  }
  const shownSteps = steps.map((step) => (hiddenIn.has(step.id) ? hiddenNode(step) : unhidden(step)));
  const shownEdges = edges.map((edge) => {
    const sourceGroup = hiddenIn.get(edge.source);
    const targetGroup = hiddenIn.get(edge.target);
    if (sourceGroup === undefined && targetGroup === undefined) return edge;
    if (sourceGroup !== undefined && sourceGroup === targetGroup) return hiddenInside(edge, sourceGroup);
    return retarget(edge, sourceGroup, targetGroup);
  });
  return { nodes: [...frames, ...shownSteps], edges: shownEdges };
}

function unhidden(step: StepNode): StepNode {
  if (!step.hidden) return step;
  const { hidden: _hidden, ...rest } = step;
  return rest;
}

function hiddenNode(step: StepNode): StepNode {
  return step.hidden && !step.selected ? step : { ...step, hidden: true, selected: false };
}
