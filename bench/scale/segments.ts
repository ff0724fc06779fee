// The segments the scale suite saves over REST and runs. The no-op step is `delay` with
// `seconds: 0`: it completes at once with its input, with no expression to evaluate (the
// cheapest built-in step), so the figures are the engine's own cost per step.
import type { SegmentInput } from "../../src/shared/segment";

type Step = SegmentInput["steps"][number];

const noop = (step_id: string): Step => ({ step_id, type: "delay", config: { seconds: 0 } });
const wait = (step_id: string, seconds: number): Step => ({ step_id, type: "delay", config: { seconds } });

function chainOf(segment_id: string, steps: Step[]): SegmentInput {
  return {
    segment_id,
    name: segment_id,
    entrypoint: steps[0]!.step_id,
    steps,
    edges: steps.slice(1).map((s, i) => ({ from_step: steps[i]!.step_id, to_step: s.step_id })),
  };
}

export const CHAIN_STEPS = 1000;
export const FAN_WIDTH = 100;
/** Steps after the first (subscription window) in the latency chain: each a step.completed sample. */
export const LATENCY_STEPS = 50;

/** 1,000 no-op steps in a row. */
export const chain = chainOf("scale-chain", Array.from({ length: CHAIN_STEPS }, (_, i) => noop(`s${i}`)));

/** A short chain to warm up the same code paths. */
export const warmChain = chainOf("scale-warm-chain", Array.from({ length: 50 }, (_, i) => noop(`s${i}`)));

/** One source → 100 parallel no-op steps → one join. */
export const fan: SegmentInput = (() => {
  const branches = Array.from({ length: FAN_WIDTH }, (_, i) => `b${i}`);
  return {
    segment_id: "scale-fan",
    name: "scale-fan",
    entrypoint: "start",
    steps: [noop("start"), ...branches.map(noop), noop("join")],
    edges: [...branches.map((b) => ({ from_step: "start", to_step: b })), ...branches.map((b) => ({ from_step: b, to_step: "join" }))],
  };
})();

/**
 * The throughput, background-load and memory workload: two no-op steps, saved once per use
 * so that each batch can count its own runs.
 */
export const twoStep = (segment_id: "scale-throughput" | "scale-load" | "scale-memory") => chainOf(segment_id, [noop("a"), noop("b")]);

/**
 * Event latency: a 1 s wait (time to subscribe before anything else happens), then 50 short
 * waits, so step completions arrive spread out as real steps would, not in one burst.
 */
export const latency = chainOf("scale-latency", [wait("w0", 1), ...Array.from({ length: LATENCY_STEPS }, (_, i) => wait(`w${i + 1}`, 0.05))]);

/** Decision → next step: a human approval, then a transform. */
export const approval: SegmentInput = {
  segment_id: "scale-approval",
  name: "scale-approval",
  entrypoint: "ask",
  steps: [
    { step_id: "ask", type: "human_approval", config: { title: "Continue?" } },
    { step_id: "next", type: "transform", config: { expression: "step_input" } },
  ],
  edges: [{ from_step: "ask", to_step: "next" }],
};

export const ALL_SEGMENTS = [chain, warmChain, fan, twoStep("scale-throughput"), twoStep("scale-load"), twoStep("scale-memory"), latency, approval];
