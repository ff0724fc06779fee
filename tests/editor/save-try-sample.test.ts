/** The Try panel's sample data from a finished run: the step's input as the engine built it. */
import { describe, expect, it } from "vitest";
import { sampleFromRun } from "@/features/editor/components/try-step/sample-from-run";

const graph = {
  entrypoint: "a",
  edges: [
    { from_step: "a", to_step: "b" },
    { from_step: "a", to_step: "c" },
    { from_step: "b", to_step: "d" },
    { from_step: "c", to_step: "d" },
  ],
};

const step = (status: string, output: unknown) => ({ status, output });

const run = {
  input: { topic: "owls" },
  steps: { a: step("completed", { text: "A" }), b: step("completed", 2), c: step("skipped", null), d: step("failed", null), e: step("pending", null) },
};

describe("sampleFromRun", () => {
  it("gives the entrypoint the run input and a single-predecessor step its predecessor's output", () => {
    expect(sampleFromRun(run, "a", graph)?.input).toEqual({ topic: "owls" });
    expect(sampleFromRun(run, "b", graph)?.input).toEqual({ text: "A" });
  });

  it("gives a join the outputs of the predecessors that completed, keyed by id", () => {
    expect(sampleFromRun(run, "d", graph)?.input).toEqual({ b: 2 });
  });

  it("offers the run input and the other completed steps' outputs", () => {
    expect(sampleFromRun(run, "b", graph)).toMatchObject({ run_input: { topic: "owls" }, steps: { a: { text: "A" } } });
  });

  it("skips runs where the step did not finish", () => {
    expect(sampleFromRun(run, "c", graph)).toBeNull();
    expect(sampleFromRun(run, "e", graph)).toBeNull();
    expect(sampleFromRun(run, "zzz", graph)).toBeNull();
  });
});
