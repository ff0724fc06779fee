"use client";
/**
 * Problems list → canvas: when a focus request arrives, select that step or edge and glide
 * the viewport to it, then clear the request. A step hidden in a collapsed group is shown by
 * its group's frame.
 */
import { useReactFlow, type InternalNode, type XYPosition } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { isGroupNode, type EditorNode } from "../lib/flow-convert";
import { useEditorStore, useEditorStoreApi } from "../store";

const FOCUS_DURATION = 450;
/** Zoom in this far at least, so the focused card is readable. */
const MIN_FOCUS_ZOOM = 0.85;

function centreOf(node: InternalNode<EditorNode>): XYPosition {
  const { x, y } = node.internals.positionAbsolute;
  return { x: x + (node.measured.width ?? 0) / 2, y: y + (node.measured.height ?? 0) / 2 };
}

export function useFocusRequest(): void {
  const request = useEditorStore((s) => s.focusRequest);
  const store = useEditorStoreApi();
  const flow = useReactFlow<EditorNode>();
  const handled = useRef<number | null>(null);

  useEffect(() => {
    if (!request || handled.current === request.nonce) return;
    handled.current = request.nonce;
    const state = store.getState();
    const visible = (id: string): InternalNode<EditorNode> | undefined => {
      const node = flow.getInternalNode(id);
      if (!node?.hidden) return node;
      // Hidden in a collapsed group: aim at the frame instead.
      const frame = state.nodes.find((n) => isGroupNode(n) && n.data.memberIds.includes(id));
      return frame ? flow.getInternalNode(frame.id) : undefined;
    };
    let target: XYPosition | undefined;
    if (request.kind === "step") {
      state.selectStep(request.id);
      const node = visible(request.id);
      if (node) target = centreOf(node);
    } else {
      state.selectEdge(request.id);
      const edge = state.edges.find((e) => e.id === request.id);
      const from = edge && visible(edge.source);
      const to = edge && visible(edge.target);
      if (from && to) {
        const a = centreOf(from);
        const b = centreOf(to);
        target = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      }
    }
    if (target) {
      const zoom = Math.max(flow.getZoom(), MIN_FOCUS_ZOOM);
      void flow.setCenter(target.x, target.y, { zoom, duration: FOCUS_DURATION });
    }
    state.clearFocusRequest();
  }, [flow, request, store]);
}
