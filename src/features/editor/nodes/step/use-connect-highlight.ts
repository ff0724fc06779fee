"use client";
/**
 * While the user drags a new connection, which handles of this step could take it?
 * Nodes subscribe only to the start handle of the drag (its object is stable for the whole
 * drag), so a drag re-renders every node twice (start, end), never per pointer move.
 */
import { useStore, type Connection, type ConnectionInProgress, type ReactFlowState } from "@xyflow/react";
import { useMemo } from "react";
import { useEditorStoreApi } from "../../store";
import type { HandleInfo, HandleSide } from "../../lib/step-ports";

/** idle: no drag; origin: the drag started here; ok / refused: it may / may not end here; off: same side as the start. */
export type HandleHighlight = "idle" | "origin" | "ok" | "refused" | "off";

/** The handle a connection drag starts from (React Flow keeps one object per drag). */
export type FromHandle = ConnectionInProgress["fromHandle"];

// React Flow's useConnection copies the connection on every store update (every pan frame);
// reading the start handle straight from the store allocates nothing.
const selectFromHandle = (s: ReactFlowState): FromHandle | null => (s.connection.inProgress ? s.connection.fromHandle : null);

/** The connection that dropping on (nodeId, handleId, side) would make, starting from `from`. */
export function connectionTo(from: FromHandle, nodeId: string, handleId: string): Connection {
  return from.type === "source"
    ? { source: from.nodeId, sourceHandle: from.id ?? null, target: nodeId, targetHandle: handleId }
    : { source: nodeId, sourceHandle: handleId, target: from.nodeId, targetHandle: from.id ?? null };
}

export type Highlights = { source: ReadonlyMap<string, HandleHighlight>; target: ReadonlyMap<string, HandleHighlight> };

/** Highlight state per handle of a step (both sides), or null while no connection is being dragged. */
export function useConnectHighlights(
  nodeId: string,
  inputs: readonly HandleInfo[],
  outputs: readonly HandleInfo[],
): Highlights | null {
  const from = useStore(selectFromHandle);
  const store = useEditorStoreApi();
  return useMemo(() => {
    if (!from) return null;
    const problemOf = store.getState().connectionProblem;
    const side = (which: HandleSide, handles: readonly HandleInfo[]) => {
      const result = new Map<string, HandleHighlight>();
      for (const handle of handles) {
        if (from.nodeId === nodeId && from.type === which && (from.id ?? null) === handle.id) result.set(handle.id, "origin");
        else if (from.type === which) result.set(handle.id, "off");
        else result.set(handle.id, problemOf(connectionTo(from, nodeId, handle.id)) === null ? "ok" : "refused");
      }
      return result;
    };
    return { source: side("source", outputs), target: side("target", inputs) };
  }, [from, inputs, outputs, nodeId, store]);
}
