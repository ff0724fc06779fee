// The segment shapes the benchmarks run: a chain and a fan-out/fan-in of no-op steps.
import type { SegmentInput } from "../src/shared/segment";

export function chainDoc(n: number): SegmentInput {
  const ids = Array.from({ length: n }, (_, i) => `s${i}`);
  return {
    segment_id: `chain-${n}`,
    name: "chain",
    entrypoint: "s0",
    steps: ids.map((id) => ({ step_id: id, type: "noop", config: {} })),
    edges: ids.slice(1).map((id, i) => ({ from_step: `s${i}`, to_step: id })),
  };
}

export function fanDoc(width: number): SegmentInput {
  const branches = Array.from({ length: width }, (_, i) => `b${i}`);
  return {
    segment_id: `fan-${width}`,
    name: "fan",
    entrypoint: "start",
    steps: [
      { step_id: "start", type: "noop", config: {} },
      ...branches.map((id) => ({ step_id: id, type: "noop", config: {} })),
      { step_id: "join", type: "noop", config: {} },
    ],
    edges: [...branches.map((id) => ({ from_step: "start", to_step: id })), ...branches.map((id) => ({ from_step: id, to_step: "join" }))],
  };
}
