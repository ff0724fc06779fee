import type { SegmentInput } from "../../src/shared/segment";

/** A small valid contract document; override any field. */
export function sampleSegment(overrides: Partial<SegmentInput> = {}): SegmentInput {
  return {
    segment_id: "sample",
    name: "Sample",
    entrypoint: "first",
    steps: [
      { step_id: "first", type: "transform", config: { expression: "input" }, ui: { x: 0, y: 0 } },
      { step_id: "second", type: "transform", config: { expression: "step_input" }, ui: { x: 300, y: 0 } },
    ],
    edges: [{ from_step: "first", to_step: "second" }],
    ...overrides,
  };
}
