export { createEditorStore, selectSegment } from "./create-editor-store";
export { EditorStoreProvider, useEditorStore, useEditorStoreApi } from "./editor-store-context";
export type { CanvasSlice } from "./canvas-slice";
export type { SegmentSlice } from "./segment-slice";
export type { SelectionSlice } from "./selection-slice";
export type { EditorState, EditorStore } from "./types";
