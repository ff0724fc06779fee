/**
 * One store per editor instance, built from slices. No side effects: loading and saving
 * live in hooks; the store only holds and changes editor state.
 */
import { createStore } from "zustand/vanilla";
import type { Segment } from "@/shared/segment";
import { segmentBase, toFlow, toSegment } from "../lib/flow-convert";
import { createCanvasSlice } from "./canvas-slice";
import { createEditingSlice } from "./editing-slice";
import { createHistorySlice } from "./history-slice";
import { createKit } from "./kit";
import { createProblemsSlice } from "./problems-slice";
import { createSegmentSlice } from "./segment-slice";
import { createSelectionSlice } from "./selection-slice";
import type { EditorState, EditorStore } from "./types";

export function createEditorStore(initial: Segment): EditorStore {
  const flow = toFlow(initial);
  return createStore<EditorState>()((set, get) => {
    const kit = createKit(get, set);
    return {
      ...createSegmentSlice(kit, segmentBase(initial)),
      ...createCanvasSlice(kit, flow),
      ...createEditingSlice(kit),
      ...createSelectionSlice(kit),
      ...createHistorySlice(kit),
      ...createProblemsSlice(kit),
    };
  });
}

let cached: { base: unknown; nodes: unknown; edges: unknown; segment: Segment } | null = null;

/**
 * The segment as currently shown (positions included): what a save would send. Cached on
 * the document arrays, so calling it again for the same state costs nothing.
 */
export function selectSegment(state: Pick<EditorState, "base" | "nodes" | "edges">): Segment {
  if (cached && cached.base === state.base && cached.nodes === state.nodes && cached.edges === state.edges) return cached.segment;
  const segment = toSegment(state.base, state.nodes, state.edges);
  cached = { base: state.base, nodes: state.nodes, edges: state.edges, segment };
  return segment;
}
