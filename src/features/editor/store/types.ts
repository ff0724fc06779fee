import type { StoreApi } from "zustand/vanilla";
import type { CanvasSlice } from "./canvas-slice";
import type { SegmentSlice } from "./segment-slice";
import type { SelectionSlice } from "./selection-slice";

/** The whole editor state: one store per editor instance, composed of slices. */
export type EditorState = SegmentSlice & CanvasSlice & SelectionSlice;
export type EditorStore = StoreApi<EditorState>;
