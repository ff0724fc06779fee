/**
 * Where a card is on screen (pixels within the canvas) under a viewport: what the hooks that
 * keep a card in view (the approval dock's reveal, the selected card) compare with the edges.
 */
import type { InternalNode, Viewport } from "@xyflow/react";
import type { EditorNode } from "../lib/flow-convert";

export type ScreenRect = { left: number; top: number; right: number; bottom: number };

export function screenRectOf(node: InternalNode<EditorNode>, { x, y, zoom }: Viewport): ScreenRect {
  const left = node.internals.positionAbsolute.x * zoom + x;
  const top = node.internals.positionAbsolute.y * zoom + y;
  return { left, top, right: left + (node.measured.width ?? 0) * zoom, bottom: top + (node.measured.height ?? 0) * zoom };
}
