/**
 * The graph as React Flow sees it. View changes (measure, select, drag ticks) are applied
 * without history; a drag becomes one history entry when it ends; removals are undoable.
 * Dragging a group's frame moves its members (the frame follows them: it is derived).
 */
import { applyEdgeChanges, applyNodeChanges, type NodeChange, type XYPosition } from "@xyflow/react";
import { groupNodeId, isGroupNode, isStepNode, type EditorNode, type FlowEdge, type GroupNode, type StepNode } from "../lib/flow-convert";
import { arrangeFlow, readGroups } from "../lib/groups";
import { withoutHandleEstimate } from "../lib/node-handles";
import { snapshotOf, type Snapshot } from "./history";
import type { StoreKit } from "./kit";
import { connected, withoutElements } from "./operations";
import { currentConnectionProblem } from "./reconnect-actions";
import { selectionAfterChanges } from "./selection-slice";
import type { CanvasSlice } from "./types";

export function createCanvasSlice(kit: StoreKit, initial: { nodes: EditorNode[]; edges: FlowEdge[] }): CanvasSlice {
  const { get, set, history } = kit;

  const removeNodes = (ids: readonly string[]) => {
    const state = get();
    const byId = new Map(state.nodes.map((n) => [n.id, n]));
    const stepIds = ids.filter((id) => byId.get(id)?.type === "step");
    const groupIds = ids.flatMap((id) => {
      const node = byId.get(id);
      return node && isGroupNode(node) ? [node.data.group_id] : [];
    });
    const last = history.lastEdgeRemoval;
    const joinsEdgeRemoval =
      last !== null && last.revision === state.revision && last.ends.every((ends) => stepIds.some((id) => ends.has(id)));
    kit.commit(withoutElements(kit.doc(), { stepIds, groupIds }), { record: !joinsEdgeRemoval });
  };

  const applyViewChanges = (changes: NodeChange<EditorNode>[]) => {
    const state = get();
    const expanded = withFrameMoves(changes, state.nodes);
    let positions = false;
    let dragTick = false;
    let resized = false;
    const measuredIds = new Set<string>();
    for (const change of expanded) {
      if (change.type === "position") {
        positions = true;
        if (change.dragging) dragTick = true;
      } else if (change.type === "dimensions") {
        resized = true;
        measuredIds.add(change.id);
      }
    }
    if (dragTick && history.dragBefore === null) history.dragBefore = snapshotOf(state);
    let nodes = applyNodeChanges(expanded, state.nodes);
    // A card React Flow measured drops its estimated handles: React Flow would prefer them to its measurement.
    if (resized) nodes = nodes.map((n) => (measuredIds.has(n.id) ? withoutHandleEstimate(n) : n));
    if ((positions || resized) && readGroups(state.base.metadata).length > 0) {
      const steps = nodes.filter(isStepNode);
      nodes = arrangeFlow(state.base, steps, [], nodes).nodes;
    }
    const stepIds = new Set(nodes.filter(isStepNode).map((n) => n.id));
    const stepSelection = expanded.filter((c) => c.type !== "select" || stepIds.has(c.id));
    const selectedStepId = selectionAfterChanges(state.selectedStepId, stepSelection, nodes.filter(isStepNode));
    set(selectedStepId === state.selectedStepId ? { nodes } : { nodes, selectedStepId });
    if (positions && !dragTick) finishMove(history.dragBefore ?? snapshotOf(state));
  };

  /** A move ended (drag end or a keyboard nudge): one history entry if any step moved. */
  const finishMove = (before: Snapshot) => {
    history.dragBefore = null;
    const state = get();
    if (!stepsMoved(before, state.nodes)) return;
    history.record(before);
    history.lastEdgeRemoval = null;
    set({ revision: state.revision + 1, ...history.flags });
  };

  return {
    nodes: initial.nodes,
    edges: initial.edges,
    onNodesChange: (changes) => {
      const removed = changes.flatMap((c) => (c.type === "remove" ? [c.id] : []));
      if (removed.length > 0) removeNodes(removed);
      // React Flow never adds or replaces nodes here: the store owns the document.
      const rest = changes.filter((c) => c.type !== "remove" && c.type !== "add" && c.type !== "replace");
      if (rest.length > 0) applyViewChanges(rest);
    },
    onEdgesChange: (changes) => {
      const removed = new Set(changes.flatMap((c) => (c.type === "remove" ? [c.id] : [])));
      if (removed.size > 0) {
        const doc = kit.doc();
        const ends = doc.edges.filter((e) => removed.has(e.id)).map((e) => new Set([e.source, e.target]));
        if (kit.commit(withoutElements(doc, { edgeIds: removed }))) {
          history.lastEdgeRemoval = { revision: get().revision, ends };
        }
      }
      const rest = changes.filter((c) => c.type === "select");
      if (rest.length === 0) return;
      set((state) => {
        const edges = applyEdgeChanges(rest, state.edges);
        const selectedEdgeId = selectionAfterChanges(state.selectedEdgeId, rest, edges);
        return selectedEdgeId === state.selectedEdgeId ? { edges } : { edges, selectedEdgeId };
      });
    },
    connect: (connection) => {
      const result = connected(kit.doc(), connection);
      if (!result.ok) return result;
      kit.commit(result.doc);
      return { ok: true, value: { edgeId: result.edge.id } };
    },
    // While an edge end is dragged elsewhere, judged as replacing that edge (reconnect-actions).
    connectionProblem: (connection) => currentConnectionProblem(get(), connection),
  };
}

/**
 * A frame's position change becomes the same move for each of its members (unless the
 * member moves by itself in this batch, being selected too); the frame's own change is
 * dropped since the frame is re-derived from its members.
 */
function withFrameMoves(changes: NodeChange<EditorNode>[], nodes: readonly EditorNode[]): NodeChange<EditorNode>[] {
  const frameMoves = changes.filter((c) => c.type === "position" && c.id.startsWith(groupNodeId("")));
  if (frameMoves.length === 0) return changes;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const movedIds = new Set(changes.flatMap((c) => (c.type === "position" ? [c.id] : [])));
  const result: NodeChange<EditorNode>[] = [];
  for (const change of changes) {
    const frame = change.type === "position" ? byId.get(change.id) : undefined;
    if (change.type !== "position" || !frame || !isGroupNode(frame)) {
      result.push(change);
      continue;
    }
    if (!change.position) continue;
    const delta: XYPosition = { x: change.position.x - frame.position.x, y: change.position.y - frame.position.y };
    for (const memberId of (frame as GroupNode).data.memberIds) {
      const member = byId.get(memberId);
      if (!member || movedIds.has(memberId)) continue;
      result.push({
        type: "position",
        id: memberId,
        position: { x: member.position.x + delta.x, y: member.position.y + delta.y },
        dragging: change.dragging,
      });
    }
  }
  return result;
}

function stepsMoved(before: Snapshot, nodes: readonly EditorNode[]): boolean {
  const was = new Map<string, StepNode>();
  for (const node of before.nodes) if (isStepNode(node)) was.set(node.id, node);
  return nodes.some((node) => {
    if (!isStepNode(node)) return false;
    const old = was.get(node.id);
    return old !== undefined && old !== node && (old.position.x !== node.position.x || old.position.y !== node.position.y);
  });
}
