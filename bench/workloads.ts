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

/**
 * What the canvas benchmark opens: `n` real steps (LLM agents, transforms, HTTP requests with
 * valid configs) in rows of 25, each row a chain continuing the previous one, positioned
 * (`ui`) as a user would have left them.
 */
export function canvasDoc(n: number): SegmentInput {
  const perRow = 25;
  const steps = Array.from({ length: n }, (_, i) => {
    const ui = { x: (i % perRow) * 320, y: Math.floor(i / perRow) * 160 };
    const step_id = `step_${i}`;
    switch (i % 3) {
      case 0:
        return { step_id, type: "llm_agent", name: `Summarize ${i}`, config: { llm_ref: "mock", user_prompt_template: "Summarize: {{ step_input }}", temperature: 0.2 }, ui };
      case 1:
        return { step_id, type: "transform", name: `Shape ${i}`, config: { expression: "{ \"text\": $string(step_input) }" }, ui };
      default:
        return { step_id, type: "http_request", name: `Notify ${i}`, config: { method: "POST", url: "https://example.com/hook", body: { text: "{{ step_input.text }}" } }, ui };
    }
  });
  return {
    segment_id: `canvas-${n}`,
    name: `Canvas ${n} steps`,
    entrypoint: "step_0",
    steps,
    edges: steps.slice(1).map((step, i) => ({ from_step: `step_${i}`, to_step: step.step_id })),
  };
}
