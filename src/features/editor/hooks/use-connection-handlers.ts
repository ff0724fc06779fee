"use client";
/**
 * Drawing connections: React Flow asks `isValidConnection` while the user drags (the store's
 * rules: compatible ports, no duplicate, no self-loop, no cycle); a drop on a refused
 * handle says why next to the pointer; a drop on empty canvas opens quick-add to create a
 * step that the new connection leads to.
 */
import type { Connection, Edge, FinalConnectionState, InternalNode, OnConnectEnd } from "@xyflow/react";
import { useCallback } from "react";
import { STEP_NODE_TYPE } from "../lib/flow-convert";
import { connectionTo } from "../nodes/step/use-connect-highlight";
import { useEditorStoreApi } from "../store";

type Point = { x: number; y: number };

type Options = {
  /** Shows a message, next to the pointer when given (client coordinates). */
  notify: (message: string, client?: Point) => void;
  /** Opens quick-add at a client point; the new step is connected from `from`. */
  quickAddFrom: (client: Point, from: { stepId: string; port?: string }) => void;
};

const clientPoint = (event: MouseEvent | TouchEvent): Point => {
  const touch = "changedTouches" in event ? event.changedTouches[0] : undefined;
  return touch ? { x: touch.clientX, y: touch.clientY } : { x: (event as MouseEvent).clientX, y: (event as MouseEvent).clientY };
};

export function useConnectionHandlers({ notify, quickAddFrom }: Options) {
  const store = useEditorStoreApi();

  const isValidConnection = useCallback(
    (connection: Connection | Edge) => store.getState().connectionProblem(connection as Connection) === null,
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const result = store.getState().connect(connection);
      // Rarely reached: isValidConnection already refused what the store would refuse.
      if (!result.ok) notify(result.reason);
    },
    [notify, store],
  );

  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state: FinalConnectionState<InternalNode>) => {
      const point = clientPoint(event);
      const { fromHandle, fromNode } = state;
      if (!fromHandle || !fromNode) return;
      if (state.isValid === false && state.toHandle) {
        const refused = connectionTo(fromHandle, state.toHandle.nodeId, state.toHandle.id ?? "");
        const reason = store.getState().connectionProblem(refused);
        if (reason) notify(reason, point);
        return;
      }
      const droppedOnPane = state.toHandle === null && state.toNode === null && state.isValid === null;
      const onCanvas = event.target instanceof Element && event.target.closest(".react-flow__pane") !== null;
      if (droppedOnPane && onCanvas && fromHandle.type === "source" && fromNode.type === STEP_NODE_TYPE) {
        quickAddFrom(point, { stepId: fromNode.id, ...(fromHandle.id ? { port: fromHandle.id } : {}) });
      }
    },
    [notify, quickAddFrom, store],
  );

  return { isValidConnection, onConnect, onConnectEnd };
}
