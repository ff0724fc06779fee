/**
 * Where a segment opens. A small one is fitted into view. A large one (more steps than can be
 * read when fitted) opens at 80% zoom on its start step, and the canvas only mounts the steps
 * in view: fitting 500 steps means mounting and measuring all of them at an unreadable zoom,
 * which alone took over a second in Chromium (docs/performance.md). Fit view (Shift+1) still
 * shows everything on demand.
 */
import type { Viewport } from "@xyflow/react";
import { isStepNode, type EditorNode } from "./flow-convert";

export const LARGE_SEGMENT_STEPS = 150;
const START_ZOOM = 0.8;
/** Screen space left of the start step: it opens near the left edge, vertically centred. */
const START_MARGIN_X = 96;

export function isLargeSegment(nodes: readonly EditorNode[]): boolean {
  return nodes.length > LARGE_SEGMENT_STEPS;
}

/** The viewport that puts the start step (or the top-left-most step) near the left, mid-height. */
export function startViewport(nodes: readonly EditorNode[], entrypoint: string, canvasHeight: number): Viewport {
  const steps = nodes.filter(isStepNode);
  const start =
    steps.find((n) => n.id === entrypoint) ??
    steps.reduce<EditorNode | undefined>((best, n) => (!best || n.position.x + n.position.y < best.position.x + best.position.y ? n : best), undefined);
  if (!start) return { x: 0, y: 0, zoom: 1 };
  return {
    x: START_MARGIN_X - start.position.x * START_ZOOM,
    y: canvasHeight / 2 - (start.position.y + 44) * START_ZOOM,
    zoom: START_ZOOM,
  };
}
