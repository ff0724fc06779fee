export { createEditorStore, selectSegment } from "./create-editor-store";
export { EditorStoreProvider, useEditorStore, useEditorStoreApi } from "./editor-store-context";
export type {
  ActionResult,
  CanvasSlice,
  EditingSlice,
  EditorState,
  EditorStore,
  HistorySlice,
  ProblemsSlice,
  SegmentSlice,
  SelectionSlice,
  StepGroup,
} from "./types";
