"use client";
/**
 * A panel floating over the canvas (the run view's approval dock) asks to keep its step in
 * view: the canvas pans just enough that the whole card is on screen and not under the panel.
 * Checked when the request is set and when the canvas is resized (a side panel opening), after
 * any opening fit or focus glide has settled; the user's own panning is never undone.
 */
import { useNodesInitialized, useReactFlow, useStore, type InternalNode, type ReactFlowInstance } from "@xyflow/react";
import { useEffect } from "react";
import type { EditorNode } from "../lib/flow-convert";
import { useEditorStore } from "../store";

/** Room kept between the card and the panel or the canvas' edge, in screen pixels. */
const MARGIN = 16;
/** The panel's distance from the canvas' top-right corner (the dock's `top-3 right-3`). */
const PANEL_INSET = 12;
/** Longer than the opening fit and a focus glide (450 ms), so the reveal is not overridden. */
const SETTLE_MS = 500;
const GLIDE_MS = 250;

/**
 * Rendered inside <ReactFlow>: the request and the pane size re-render this empty component
 * only, never the canvas (a decision clears the request while the next step is being drawn).
 */
export function RevealOnRequest(): null {
  useRevealRequest();
  return null;
}

function useRevealRequest(): void {
  const request = useEditorStore((s) => s.revealRequest);
  const flow = useReactFlow<EditorNode>();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const initialized = useNodesInitialized();

  useEffect(() => {
    if (!request || !initialized || width === 0 || height === 0) return;
    const timer = setTimeout(() => {
      const node = flow.getInternalNode(request.stepId);
      if (node && !node.hidden) revealBeside(flow, node, { width, height }, request.panel);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [flow, request, initialized, width, height]);
}

function revealBeside(
  flow: ReactFlowInstance<EditorNode>,
  node: InternalNode<EditorNode>,
  canvas: { width: number; height: number },
  panel: { width: number; height: number },
): void {
  const { x, y, zoom } = flow.getViewport();
  const left = node.internals.positionAbsolute.x * zoom + x;
  const top = node.internals.positionAbsolute.y * zoom + y;
  const right = left + (node.measured.width ?? 0) * zoom;
  const bottom = top + (node.measured.height ?? 0) * zoom;
  let dy = 0;
  if (bottom > canvas.height - MARGIN) dy = canvas.height - MARGIN - bottom;
  if (top + dy < MARGIN) dy = MARGIN - top;
  // Level with the panel the card must end left of it; below the panel, at the canvas' edge.
  const besidePanel = top + dy < PANEL_INSET + panel.height + MARGIN;
  const rightLimit = besidePanel ? canvas.width - PANEL_INSET - panel.width - MARGIN : canvas.width - MARGIN;
  let dx = 0;
  if (right > rightLimit) dx = rightLimit - right;
  // A card wider than the room left shows its start.
  if (left + dx < MARGIN) dx = MARGIN - left;
  if (dx === 0 && dy === 0) return;
  void flow.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: GLIDE_MS });
}
