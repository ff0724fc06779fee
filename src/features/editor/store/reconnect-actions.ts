/**
 * Moving an existing edge's end to another handle (React Flow's reconnect). The edge is
 * judged as if it were not there (its own old handle is no duplicate), and is rebuilt in
 * place: same index in the list, same condition, the ports of its new ends.
 */
import type { Connection } from "@xyflow/react";
import type { Edge } from "@/shared/segment";
import { conditionAfterReconnect, connectionProblem, handleFor } from "../lib/connection-rules";
import { DEFAULT_SOURCE_HANDLE, DEFAULT_TARGET_HANDLE, edgeToFlow, type FlowEdge } from "../lib/flow-convert";
import { docOf, type Doc } from "./history";
import type { StoreKit } from "./kit";
import { graphOf } from "./operations";
import type { EditingSlice, EditorState } from "./types";

type Ends = Pick<Connection, "source" | "target" | "sourceHandle" | "targetHandle">;

/**
 * The connection in real steps: React Flow reports an end that stays on a collapsed group's
 * frame as the frame; it stands for the hidden step the edge really ends at.
 */
export function realEnds(drawn: FlowEdge, connection: Ends): Ends {
  const hidden = drawn.data?.hiddenEnds;
  const ends = { ...connection };
  if (hidden?.source && connection.source === drawn.source) {
    ends.source = hidden.source.step;
    ends.sourceHandle = hidden.source.handle ?? null;
  }
  if (hidden?.target && connection.target === drawn.target) {
    ends.target = hidden.target.step;
    ends.targetHandle = hidden.target.handle ?? null;
  }
  return ends;
}

/** Why moving `drawn` to `connection` would be refused, or null (the doc without that edge judges). */
function reconnectProblem(doc: Doc, drawn: FlowEdge, connection: Ends): string | null {
  const others = { ...doc, edges: doc.edges.filter((e) => e.id !== drawn.id) };
  return connectionProblem(graphOf(others), realEnds(drawn, connection));
}

/** The store's `connectionProblem`: plain, or as a reconnection while an edge end is dragged. */
export function currentConnectionProblem(state: EditorState, connection: Connection): string | null {
  const doc = docOf(state);
  const drawn = state.reconnectingEdgeId === null ? undefined : state.edges.find((e) => e.id === state.reconnectingEdgeId);
  return drawn ? reconnectProblem(doc, drawn, connection) : connectionProblem(graphOf(doc), connection);
}

const sameEnds = (edge: FlowEdge, ends: { source: string; target: string; sourceHandle: string; targetHandle: string }) =>
  edge.source === ends.source &&
  edge.target === ends.target &&
  (edge.sourceHandle ?? DEFAULT_SOURCE_HANDLE) === ends.sourceHandle &&
  (edge.targetHandle ?? DEFAULT_TARGET_HANDLE) === ends.targetHandle;

export function createReconnectActions(kit: StoreKit): Pick<EditingSlice, "reconnectEdge" | "reconnectingEdgeId" | "setReconnectingEdge"> {
  const { get, set } = kit;
  return {
    reconnectingEdgeId: null,

    setReconnectingEdge: (edgeId) => {
      if (get().reconnectingEdgeId !== edgeId) set({ reconnectingEdgeId: edgeId });
    },

    reconnectEdge: (edgeId, connection) => {
      const state = get();
      const drawn = state.edges.find((e) => e.id === edgeId);
      if (!drawn) return { ok: false, reason: "That connection no longer exists." };
      const doc = kit.doc();
      const index = doc.edges.findIndex((e) => e.id === edgeId);
      const old = doc.edges[index]!;
      const problem = reconnectProblem(doc, drawn, connection);
      if (problem !== null) return { ok: false, reason: problem };

      const wanted = realEnds(drawn, connection);
      const steps = graphOf(doc).steps;
      const from = steps.get(wanted.source)!;
      const to = steps.get(wanted.target)!;
      const ends = {
        source: from.id,
        target: to.id,
        sourceHandle: handleFor(from, wanted.sourceHandle, "output"),
        targetHandle: handleFor(to, wanted.targetHandle, "input"),
      };
      if (sameEnds(old, ends)) return { ok: true, value: { edgeId } };

      const edge: Edge = { from_step: ends.source, to_step: ends.target };
      // A port named literally in the saved JSON stays named while its end does not move.
      const sourceKept = old.source === ends.source && old.sourceHandle === ends.sourceHandle;
      const targetKept = old.target === ends.target && old.targetHandle === ends.targetHandle;
      if (ends.sourceHandle !== DEFAULT_SOURCE_HANDLE || (sourceKept && old.data?.fromPortNamed)) edge.from_port = ends.sourceHandle;
      if (ends.targetHandle !== DEFAULT_TARGET_HANDLE || (targetKept && old.data?.toPortNamed)) edge.to_port = ends.targetHandle;
      const oldFrom = steps.get(old.source);
      const condition = oldFrom
        ? conditionAfterReconnect(
            old.data?.condition,
            { from: oldFrom, sourceHandle: old.sourceHandle ?? DEFAULT_SOURCE_HANDLE },
            { from, sourceHandle: ends.sourceHandle },
          )
        : old.data?.condition;
      if (condition !== undefined) edge.condition = condition;

      const usedIds = new Set(doc.edges.filter((e) => e.id !== edgeId).map((e) => e.id));
      const moved = edgeToFlow(edge, usedIds);
      if (drawn.selected) moved.selected = true;
      const edges = doc.edges.slice();
      edges[index] = moved;
      const selectedEdgeId = state.selectedEdgeId === edgeId ? moved.id : state.selectedEdgeId;
      kit.commit({ ...doc, edges }, { extra: { selectedEdgeId } });
      return { ok: true, value: { edgeId: moved.id } };
    },
  };
}
