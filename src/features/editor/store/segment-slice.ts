/** The segment's non-graph fields (id, name, entrypoint, input_schema, ...). Read-only for now. */
import type { StateCreator } from "zustand/vanilla";
import type { SegmentBase } from "../lib/flow-convert";
import type { EditorState } from "./types";

export type SegmentSlice = {
  base: SegmentBase;
};

export const createSegmentSlice =
  (base: SegmentBase): StateCreator<EditorState, [], [], SegmentSlice> =>
  () => ({ base });
