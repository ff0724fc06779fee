/**
 * One store per editor instance, built from slices. No side effects: loading and saving
 * live in hooks; the store only holds and changes editor state.
 */
import { createStore } from "zustand/vanilla";
import type { Segment } from "@/shared/segment";
import { segmentBase, toFlow, toSegment } from "../lib/flow-convert";
import { createCanvasSlice } from "./canvas-slice";
import { createSegmentSlice } from "./segment-slice";
import { createSelectionSlice } from "./selection-slice";
import type { EditorState, EditorStore } from "./types";

export function createEditorStore(initial: Segment): EditorStore {
  const flow = toFlow(initial);
  return createStore<EditorState>()((...args) => ({
    ...createSegmentSlice(segmentBase(initial))(...args),
    ...createCanvasSlice(flow)(...args),
    ...createSelectionSlice(...args),
  }));
}

/** The segment as currently shown (positions included): what a save would send. */
export function selectSegment(state: EditorState): Segment {
  return toSegment(state.base, state.nodes, state.edges);
}
