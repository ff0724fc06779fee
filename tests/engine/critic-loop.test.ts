import { describe, expect, it } from "vitest";
import type { SegmentInput } from "../../src/shared/segment";
import { setup } from "./helpers";

const verdict = (v: string, score: number, feedback = "f", suggestions: string[] = []) => JSON.stringify({ verdict: v, score, feedback, suggestions });

function loop(critic: string[], extra: Record<string, unknown> = {}, generator = ["draft 1", "draft 2", "draft 3", "draft 4", "draft 5"]): SegmentInput {
  return {
    segment_id: "critic",
    name: "Critic",
    entrypoint: "write",
    steps: [
      {
        step_id: "write",
        type: "critic_loop",
        config: {
          generator: { llm_ref: "mock", system_prompt: "write", user_prompt_template: "Write about {{ input.topic }}", mock_responses: generator },
          critic: { llm_ref: "mock", system_prompt: "review", mock_responses: critic },
          max_iterations: 4,
          ...extra,
        },
      },
    ],
    edges: [],
  };
}

describe("critic_loop stop reasons", () => {
  it("quality_threshold-by-verdict-approved", async () => {
    const h = setup();
    const run = await h.start(loop([verdict("needs_revision", 0.5), verdict("approved", 0.7)]), { topic: "AI" });
    expect(run.status).toBe("completed");
    expect(run.output).toMatchObject({ final_output: "draft 2", iterations: 2, final_score: 0.7, converged: true, reason: "quality_threshold" });
    const iterations = h.events(run.run_id).filter((e) => e.type === "critic_loop.iteration");
    expect(iterations.map((e) => e.payload)).toMatchObject([
      { iteration: 1, verdict: "needs_revision", score: 0.5, output: "draft 1" },
      { iteration: 2, verdict: "approved", score: 0.7, output: "draft 2" },
    ]);
    const completed = h.events(run.run_id).find((e) => e.type === "critic_loop.completed");
    expect(completed?.payload).toMatchObject({ reason: "quality_threshold", iterations: 2, converged: true });
    expect(h.types(run.run_id, "write")).toEqual(["step.started", "critic_loop.iteration", "critic_loop.iteration", "critic_loop.completed", "step.completed"]);
  });

  it("quality_threshold-by-score", async () => {
    const h = setup();
    const run = await h.start(loop([verdict("needs_revision", 0.9)]));
    expect(run.output).toMatchObject({ iterations: 1, reason: "quality_threshold", converged: true });
  });

  it("rejected-stops-when-stop_on_rejection", async () => {
    const h = setup();
    const run = await h.start(loop([verdict("rejected", 0.1)]));
    expect(run.output).toMatchObject({ iterations: 1, reason: "rejected", converged: false, final_output: "draft 1" });
  });

  it("rejected-does-not-stop-without-stop_on_rejection", async () => {
    const h = setup();
    const run = await h.start(loop([verdict("rejected", 0.1), verdict("approved", 0.9)], { stop_on_rejection: false }));
    expect(run.output).toMatchObject({ iterations: 2, reason: "quality_threshold" });
  });

  it("no_improvement-from-the-second-round", async () => {
    const h = setup();
    const run = await h.start(loop([verdict("needs_revision", 0.5), verdict("needs_revision", 0.52)]));
    expect(run.output).toMatchObject({ iterations: 2, reason: "no_improvement", final_score: 0.52, converged: false });
  });

  it("max_iterations", async () => {
    const h = setup();
    const run = await h.start(loop([verdict("needs_revision", 0.1), verdict("needs_revision", 0.3), verdict("needs_revision", 0.5), verdict("needs_revision", 0.7)]));
    const output = run.output as { history: Array<{ iteration: number; feedback: { score: number } }> };
    expect(run.output).toMatchObject({ iterations: 4, reason: "max_iterations", final_output: "draft 4", final_score: 0.7 });
    expect(output.history.map((h) => [h.iteration, h.feedback.score])).toEqual([
      [1, 0.1],
      [2, 0.3],
      [3, 0.5],
      [4, 0.7],
    ]);
  });

  it("critic_output_invalid when the critic does not answer the JSON shape", async () => {
    const h = setup();
    const notJson = await h.start(loop(["looks good to me"]));
    expect(notJson.status).toBe("failed");
    expect(notJson.error?.code).toBe("critic_output_invalid");
    const wrongShape = await h.start(loop([JSON.stringify({ verdict: "great", score: 2 })]));
    expect(wrongShape.error?.code).toBe("critic_output_invalid");
    expect(wrongShape.steps.write?.error?.message).toContain("verdict");
  });

  it("revision-prompts-carry-the-previous-draft-and-feedback (echo generator)", async () => {
    const h = setup();
    const run = await h.start(loop([verdict("needs_revision", 0.2, "add sources", ["cite"]), verdict("approved", 0.9)], {}, []), { topic: "AI" });
    const history = (run.output as { history: Array<{ output: string }> }).history;
    expect(history[0]?.output).toBe("Write about AI");
    expect(history[1]?.output).toContain("Your previous draft:\nWrite about AI");
    expect(history[1]?.output).toContain("add sources");
    expect(history[1]?.output).toContain("- cite");
  });

  it("tokens of every generator and critic call are summed on the step and the run", async () => {
    const h = setup();
    const run = await h.start(loop([verdict("approved", 1)], {}, ["one two three"]), { topic: "AI" });
    // generator: system 1 word + prompt 3 words in, 3 out; critic: system 1 + prompt, out 4+ words
    expect(run.steps.write?.tokens.output).toBeGreaterThan(3);
    expect(run.tokens).toEqual(run.steps.write?.tokens);
    expect(h.sink.live.filter((e) => e.payload.role === "generator").map((e) => e.payload.token).join("")).toBe("one two three");
  });
});
