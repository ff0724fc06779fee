"use client";
/**
 * The run view opens a side panel for the step one clicks, which narrows the canvas from the
 * right: a card near that edge would end up cut off or hidden behind the panel it opened. After
 * the selection changes or the canvas is resized, the selected card is panned (just enough, no
 * zoom) fully into view. Never on the user's own panning, which is left alone.
 */
import { useReactFlow, useStore } from "@xyflow/react";
import { useEffect } from "react";
import type { EditorNode } from "../lib/flow-convert";
import { useEditorStore } from "../store";
import { screenRectOf } from "./screen-rect";

/** Room kept between the card and the canvas' edges, in screen pixels. */
const MARGIN = 24;
/** After the panel's opening has resized the canvas and any focus glide has settled. */
const SETTLE_MS = 300;
const GLIDE_MS = 250;

/** Rendered inside <ReactFlow> (run view only): re-renders nothing but itself. */
export function KeepSelectionInView(): null {
  const selected = useEditorStore((s) => s.selectedStepId);
  const flow = useReactFlow<EditorNode>();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);

  useEffect(() => {
    if (!selected || width === 0 || height === 0) return;
    const timer = setTimeout(() => {
      const node = flow.getInternalNode(selected);
      if (!node || node.hidden) return;
      const viewport = flow.getViewport();
      const { left, top, right, bottom } = screenRectOf(node, viewport);
      // Only a card that is cut off moves (then with some room around it): one merely close to
      // an edge stays, so other placements (the approval dock's) are not nudged.
      let dx = 0;
      if (right > width) dx = width - MARGIN - right;
      if (left + dx < 0) dx = MARGIN - left;
      let dy = 0;
      if (bottom > height) dy = height - MARGIN - bottom;
      if (top + dy < 0) dy = MARGIN - top;
      if (dx !== 0 || dy !== 0) void flow.setViewport({ ...viewport, x: viewport.x + dx, y: viewport.y + dy }, { duration: GLIDE_MS });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [flow, selected, width, height]);
  return null;
}
