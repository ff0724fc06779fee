"use client";
/**
 * Drawing connections: React Flow asks `isValidConnection` while the user drags (the store's
 * rules: compatible ports, no duplicate, no self-loop, no cycle); a drop on a refused
 * handle says why next to the pointer; a drop on empty canvas opens quick-add, listing the
 * step types that can be wired to the handle the drag started from (an output or an input).
 *
 * Reconnecting: dragging an existing edge's end to another handle moves it (one undo step),
 * under the same rules, judged as replacing that edge (the store knows which edge is being
 * dragged, so its old handle reads as fine). Dropped on empty canvas, the edge stays as it
 * was: a stray drag must not lose a connection (delete is Del or the × on the edge).
 */
import type { Connection, Edge, FinalConnectionState, HandleType, InternalNode, OnConnectEnd } from "@xyflow/react";
import { useCallback, type MouseEvent as ReactMouseEvent } from "react";
import type { QuickAddLink } from "../components/quick-add/quick-add-link";
import { STEP_NODE_TYPE, type FlowEdge } from "../lib/flow-convert";
import { connectionTo } from "../nodes/step/use-connect-highlight";
import { useEditorStoreApi } from "../store";

type Point = { x: number; y: number };

type Options = {
  /** Shows a message, next to the pointer when given (client coordinates). */
  notify: (message: string, client?: Point) => void;
  /** Opens quick-add at a client point; the new step gets wired to `link`. */
  quickAddFrom: (client: Point, link: QuickAddLink) => void;
};

const clientPoint = (event: MouseEvent | TouchEvent): Point => {
  const touch = "changedTouches" in event ? event.changedTouches[0] : undefined;
  return touch ? { x: touch.clientX, y: touch.clientY } : { x: (event as MouseEvent).clientX, y: (event as MouseEvent).clientY };
};

type FinalState = FinalConnectionState<InternalNode>;

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

  /** Dropped on a handle the rules refuse: says why, beside the pointer. */
  const explainRefusal = useCallback(
    (state: FinalState, point: Point): boolean => {
      const { fromHandle } = state;
      if (!fromHandle || state.isValid !== false || !state.toHandle) return false;
      const refused = connectionTo(fromHandle, state.toHandle.nodeId, state.toHandle.id ?? "");
      const reason = store.getState().connectionProblem(refused);
      if (reason) notify(reason, point);
      return true;
    },
    [notify, store],
  );

  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state: FinalState) => {
      // React Flow ends a reconnection through here too: onReconnectEnd handles it.
      if (store.getState().reconnectingEdgeId !== null) return;
      const point = clientPoint(event);
      const { fromHandle, fromNode } = state;
      if (!fromHandle || !fromNode) return;
      if (explainRefusal(state, point)) return;
      const droppedOnPane = state.toHandle === null && state.toNode === null && state.isValid === null;
      const onCanvas = event.target instanceof Element && event.target.closest(".react-flow__pane") !== null;
      if (droppedOnPane && onCanvas && fromNode.type === STEP_NODE_TYPE && fromHandle.id) {
        quickAddFrom(point, { stepId: fromNode.id, handle: fromHandle.id, side: fromHandle.type });
      }
    },
    [explainRefusal, quickAddFrom, store],
  );

  const onReconnectStart = useCallback(
    (_event: ReactMouseEvent, edge: FlowEdge) => store.getState().setReconnectingEdge(edge.id),
    [store],
  );

  const onReconnect = useCallback(
    (edge: FlowEdge, connection: Connection) => {
      const result = store.getState().reconnectEdge(edge.id, connection);
      if (!result.ok) notify(result.reason);
    },
    [notify, store],
  );

  const onReconnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, _edge: FlowEdge, _handleType: HandleType, state: FinalState) => {
      // Still judged as a reconnection: the reason is the one the highlights showed.
      explainRefusal(state, clientPoint(event));
      store.getState().setReconnectingEdge(null);
    },
    [explainRefusal, store],
  );

  return { isValidConnection, onConnect, onConnectEnd, onReconnectStart, onReconnect, onReconnectEnd };
}
