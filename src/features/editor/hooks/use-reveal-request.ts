"use client";
/**
 * A panel floating over the canvas (the run view's approval dock) asks to keep its step in
 * view. When the card is off screen or under the panel: if the whole graph fits in the room
 * left of the panel at a readable zoom (never zooming in), it is fitted there, so that the first
 * steps are not pushed off screen; otherwise the canvas pans just enough that the whole card is
 * on screen and not under the panel.
 * Checked when the request is set and when the canvas is resized (a side panel opening), after
 * any opening fit or focus glide has settled; the user's own panning is never undone.
 * When the panel goes away for good (no new request within RESTORE_AFTER_MS: the next approval of
 * a chain arrives sooner) and the view is still where the reveal put it, the whole graph is
 * fitted again: the graph does not stay squeezed beside a panel that is gone.
 */
import { useNodesInitialized, useReactFlow, useStore, type InternalNode, type ReactFlowInstance, type Viewport } from "@xyflow/react";
import { useEffect, useRef } from "react";
import type { EditorNode } from "../lib/flow-convert";
import { useEditorStore } from "../store";
import { screenRectOf } from "./screen-rect";
import { FIT_VIEW_OPTIONS } from "./use-viewport-actions";

/** Room kept between the card and the panel or the canvas' edge, in screen pixels. */
const MARGIN = 16;
/** The panel's distance from the canvas' top-right corner (the dock's `top-3 right-3`). */
const PANEL_INSET = 12;
/** Longer than the opening fit and a focus glide (450 ms), so the reveal is not overridden. */
const SETTLE_MS = 500;
const GLIDE_MS = 250;
/** Below this zoom cards are hard to read: a bigger graph is panned instead of fitted. */
const MIN_FIT_ZOOM = 0.6;
/** How long the panel must stay gone before the view is fitted to the whole graph again. */
const RESTORE_AFTER_MS = 800;

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

  // Where the last reveal put the view (null: it did not move it since the panel went away).
  const placed = useRef<Viewport | null>(null);

  useEffect(() => {
    if (!request || !initialized || width === 0 || height === 0) return;
    const timer = setTimeout(() => {
      const node = flow.getInternalNode(request.stepId);
      const target = node && !node.hidden ? revealBeside(flow, node, { width, height }, request.panel) : null;
      if (target) placed.current = target;
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [flow, request, initialized, width, height]);

  useEffect(() => {
    if (request || !placed.current) return;
    const timer = setTimeout(() => {
      const ours = placed.current;
      placed.current = null;
      if (ours && sameViewport(flow.getViewport(), ours)) void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: GLIDE_MS });
    }, RESTORE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [flow, request]);
}

function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.zoom - b.zoom) < 0.001;
}

/**
 * Fits every card left of the panel if that needs no zoom below MIN_FIT_ZOOM: the viewport it
 * set (or already had), null if it cannot.
 */
function fitBeside(flow: ReactFlowInstance<EditorNode>, canvas: { width: number; height: number }, panel: { width: number; height: number }): Viewport | null {
  const nodes = flow.getNodes().filter((n) => !n.hidden);
  if (nodes.length === 0) return null;
  const bounds = flow.getNodesBounds(nodes);
  const room = { width: canvas.width - PANEL_INSET - panel.width - 2 * MARGIN, height: canvas.height - 2 * MARGIN };
  if (room.width <= 0 || room.height <= 0 || bounds.width <= 0) return null;
  const current = flow.getViewport();
  const zoom = Math.min(current.zoom, room.width / bounds.width, room.height / Math.max(bounds.height, 1));
  if (zoom < MIN_FIT_ZOOM) return null;
  // Centred in the room, vertically in the whole canvas.
  const next = { x: MARGIN + (room.width - bounds.width * zoom) / 2 - bounds.x * zoom, y: MARGIN + (room.height - bounds.height * zoom) / 2 - bounds.y * zoom, zoom };
  if (sameViewport(next, current)) return current;
  void flow.setViewport(next, { duration: GLIDE_MS });
  return next;
}

/** Moves the view so the card is beside the panel: the viewport it set, null if it did not move. */
function revealBeside(
  flow: ReactFlowInstance<EditorNode>,
  node: InternalNode<EditorNode>,
  canvas: { width: number; height: number },
  panel: { width: number; height: number },
): Viewport | null {
  const viewport = flow.getViewport();
  const { x, y, zoom } = viewport;
  const { left, top, right, bottom } = screenRectOf(node, viewport);
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
  if (dx === 0 && dy === 0) return null;
  const fitted = fitBeside(flow, canvas, panel);
  if (fitted) return fitted;
  const next = { x: x + dx, y: y + dy, zoom };
  void flow.setViewport(next, { duration: GLIDE_MS });
  return next;
}
