import { describe, expect, it } from "vitest";
import { chain, expectGapFree, setup } from "./helpers";

const withStep = (step: Record<string, unknown>) => {
  const doc = chain("retry", ["a", "b", "c"]);
  doc.steps[1] = { ...doc.steps[1], ...step } as (typeof doc.steps)[number];
  return doc;
};

describe("retry", () => {
  it("retry-then-success: the step stays running during the backoff and the wait is a scheduled wake-up", async () => {
    const h = setup();
    const doc = withStep({ type: "flaky", config: { failures: 2 }, retry: { max_attempts: 3, initial_seconds: 10, multiplier: 3 } });
    const first = await h.start(doc);
    expect(first.status).toBe("running");
    expect(first.steps.b?.status).toBe("running");
    expect(first.steps.b?.attempts).toBe(1);
    expect(h.scheduler.timers).toBe(1); // durable wait: a wake-up, not a sleeping handler

    await h.advance(9_999);
    expect(h.probe.count("b")).toBe(1);
    await h.advance(1);
    expect(h.probe.count("b")).toBe(2);
    // exponential: the 2nd retry waits 10 × 3 = 30 s
    await h.advance(29_999);
    expect(h.probe.count("b")).toBe(2);
    await h.advance(1);

    const done = await h.run(first.run_id);
    expect(done.status).toBe("completed");
    expect(done.steps.b?.output).toEqual({ attempt: 3 });
    expect(done.steps.b?.attempts).toBe(3);
    const retrying = h.events(first.run_id).filter((e) => e.type === "step.retrying");
    expect(retrying.map((e) => e.payload)).toMatchObject([
      { attempt: 1, next_attempt: 2, delay_ms: 10_000, error: { code: "boom" } },
      { attempt: 2, next_attempt: 3, delay_ms: 30_000 },
    ]);
    expect(h.types(first.run_id, "b")).toEqual(["step.started", "step.retrying", "step.started", "step.retrying", "step.started", "step.completed"]);
    const rows = await h.store.stepAttempts(first.run_id, "b");
    expect(rows.map((r) => [r.attempt, r.status])).toEqual([
      [1, "failed"],
      [2, "failed"],
      [3, "completed"],
    ]);
    expectGapFree(h.events(first.run_id));
  });

  it("retry-backoff-has-jitter-and-is-capped-by-max_seconds", async () => {
    const { backoffMs } = await import("../../src/engine/runner/retry");
    const policy = { max_attempts: 10, initial_seconds: 1, multiplier: 10, max_seconds: 60 };
    expect(backoffMs(policy, 1, () => 0)).toBe(1000);
    expect(backoffMs(policy, 2, () => 0)).toBe(10_000);
    expect(backoffMs(policy, 3, () => 0)).toBe(60_000);
    expect(backoffMs(policy, 3, () => 0.5)).toBe(54_000);
  });

  it("retries-exhausted: the run fails with the step's last error", async () => {
    const h = setup();
    const doc = withStep({ type: "flaky", config: { failures: 5, code: "upstream_down" }, retry: { max_attempts: 2, initial_seconds: 1 } });
    const first = await h.start(doc);
    await h.advance(1000);
    const run = await h.run(first.run_id);
    expect(run.status).toBe("failed");
    expect(run.error).toEqual({ code: "upstream_down", message: "attempt 2 failed", step_id: "b" });
    expect(run.output).toBeNull();
    expect(run.steps.b?.status).toBe("failed");
    expect(run.steps.b?.attempts).toBe(2);
    expect(run.steps.c?.status).toBe("pending");
    expect(h.probe.count("b")).toBe(2);
    expect(h.types(run.run_id).at(-1)).toBe("segment.failed");
  });

  it("non-retryable-error-skips-the-retry-policy", async () => {
    const h = setup();
    const run = await h.start(withStep({ type: "flaky", config: { failures: 1, retryable: false }, retry: { max_attempts: 3 } }));
    expect(run.status).toBe("failed");
    expect(h.probe.count("b")).toBe(1);
  });
});

describe("timeout", () => {
  it("timeout: an attempt longer than timeout_seconds fails with code timeout and its signal is aborted", async () => {
    const h = setup();
    const first = await h.start(withStep({ type: "hang", config: {}, timeout_seconds: 5 }));
    expect(first.steps.b?.status).toBe("running");
    await h.advance(4_999);
    expect((await h.run(first.run_id)).status).toBe("running");
    await h.advance(1);
    const run = await h.run(first.run_id);
    expect(run.status).toBe("failed");
    expect(run.steps.b?.error?.code).toBe("timeout");
    expect(run.error?.code).toBe("timeout");
    expect(h.probe.signals.get("b")?.aborted).toBe(true);
  });

  it("timeout-is-per-attempt-and-retried", async () => {
    const h = setup();
    const first = await h.start(withStep({ type: "hang", config: {}, timeout_seconds: 5, retry: { max_attempts: 2, initial_seconds: 1 } }));
    await h.advance(5_000); // attempt 1 times out
    await h.advance(1_000); // backoff
    expect(h.probe.count("b")).toBe(2);
    await h.advance(5_000);
    const run = await h.run(first.run_id);
    expect(run.status).toBe("failed");
    expect(run.steps.b?.attempts).toBe(2);
  });
});

describe("on_error", () => {
  it("on_error-continue: the step is failed but its output {error} flows on and edges route on output.error", async () => {
    const h = setup();
    const run = await h.start({
      segment_id: "cont",
      name: "Continue",
      entrypoint: "fetch",
      steps: [
        { step_id: "fetch", type: "flaky", config: { failures: 9, code: "http_error" }, on_error: "continue" },
        { step_id: "fallback", type: "transform", config: { expression: "'fallback: ' & step_input.error.code" } },
        { step_id: "use", type: "noop", config: {} },
      ],
      edges: [
        { from_step: "fetch", to_step: "fallback", condition: "$exists(output.error)" },
        { from_step: "fetch", to_step: "use", condition: "$not($exists(output.error))" },
      ],
    });
    expect(run.status).toBe("completed");
    expect(run.steps.fetch?.status).toBe("failed");
    expect(run.steps.fetch?.output).toEqual({ error: { code: "http_error", message: "attempt 1 failed" } });
    expect(run.steps.fallback?.output).toBe("fallback: http_error");
    expect(run.steps.use?.status).toBe("skipped");
    expect(run.output).toBe("fallback: http_error");
    const failed = h.events(run.run_id).find((e) => e.type === "step.failed");
    expect(failed?.payload).toMatchObject({ continued: true });
  });

  it("on_error-fail (default): a failing branch fails the run and cancels the in-flight sibling", async () => {
    const h = setup();
    const run = await h.start({
      segment_id: "fail-fast",
      name: "Fail fast",
      entrypoint: "a",
      steps: [
        { step_id: "a", type: "noop", config: {} },
        { step_id: "bad", type: "flaky", config: { failures: 1 } },
        { step_id: "slow", type: "gate", config: {} },
      ],
      edges: [
        { from_step: "a", to_step: "bad" },
        { from_step: "a", to_step: "slow" },
      ],
    });
    expect(run.status).toBe("failed");
    expect(run.steps.slow?.status).toBe("cancelled");
    expect(h.probe.signals.get("slow")?.aborted).toBe(true);
    h.probe.gate("slow").resolve("late");
    await h.settle();
    expect((await h.run(run.run_id)).steps.slow?.status).toBe("cancelled");
  });
});
