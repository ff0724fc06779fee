// Engine scenarios on the Prisma run store over PGlite: fan-out/fan-in, an approval that waits
// across a restart, retries with durable backoff, a subsegment child run, and a crash in the
// middle of a step (a new engine over the reopened database finishes the run without re-running
// completed steps).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngineError, StepError } from "../../src/engine";
import { complete, type StepOutcome } from "../../src/engine/steps/types";
import { FakeClock } from "../../src/engine/testing";
import type { SegmentInput } from "../../src/shared/segment";
import { chain } from "../engine/helpers";
import { engineOn, waitFor, type EngineOnDb } from "./engine-harness";
import { openPrismaHarness, type PrismaHarness } from "./prisma-harness";

let h: PrismaHarness;
beforeAll(async () => {
  h = await openPrismaHarness("pglite");
});
afterAll(async () => {
  await h?.close();
});

async function startAndSettle(e: EngineOnDb, doc: SegmentInput, input: unknown = {}) {
  await e.segments.add(doc);
  const run = await e.engine.start({ segment_id: doc.segment_id, input });
  await e.settle();
  return run.run_id;
}

async function stepRows(runId: string, stepId: string) {
  return h.db.prisma.stepRun.findMany({ where: { runId, stepId }, orderBy: { attempt: "asc" }, select: { attempt: true, status: true, error: true } });
}

async function expectStoredLog(e: EngineOnDb, runId: string) {
  const stored = await h.store.listEvents(runId);
  expect(stored.map((ev) => ev.seq)).toEqual(stored.map((_, i) => i + 1));
  expect(e.sink.eventsOf(runId)).toEqual(stored);
}

describe("engine on the Prisma store (PGlite)", () => {
  it("fan-out-fan-in: every branch runs once, the join waits for all, the log is gap-free", async () => {
    const e = engineOn(h.db, new FakeClock());
    const branches = ["b0", "b1", "b2", "b3", "b4"];
    const doc: SegmentInput = {
      segment_id: "fan",
      name: "fan",
      entrypoint: "start",
      steps: [
        { step_id: "start", type: "const", config: { value: { n: 1 } } },
        ...branches.map((id) => ({ step_id: id, type: "noop", config: {} })),
        { step_id: "join", type: "noop", config: {} },
      ],
      edges: [...branches.map((id) => ({ from_step: "start", to_step: id })), ...branches.map((id) => ({ from_step: id, to_step: "join" }))],
    };
    const runId = await startAndSettle(e, doc);
    const run = await e.engine.getRun(runId);
    expect(run?.status).toBe("completed");
    for (const id of ["start", ...branches, "join"]) expect(e.probe.count(id)).toBe(1);
    expect(run?.steps.b3).toMatchObject({ status: "completed", output: { n: 1 }, attempts: 1 });
    await expectStoredLog(e, runId);
    expect(e.errors).toEqual([]);
  });

  it("approval-across-restart: the run waits durably, a new engine over the reopened database takes the decision", async () => {
    const clock = new FakeClock();
    const first = engineOn(h.db, clock);
    const doc: SegmentInput = {
      segment_id: "review",
      name: "review",
      entrypoint: "draft",
      steps: [
        { step_id: "draft", type: "const", config: { value: { text: "hello" } } },
        { step_id: "ok", type: "human_approval", config: { title: "OK?" } },
        { step_id: "after", type: "noop", config: {} },
      ],
      edges: [
        { from_step: "draft", to_step: "ok" },
        { from_step: "ok", to_step: "after" },
      ],
    };
    const runId = await startAndSettle(first, doc);
    expect((await first.engine.getRun(runId))?.status).toBe("waiting");
    first.scheduler.dispose();

    await h.restart();
    const second = engineOn(h.db, clock);
    expect(await second.engine.recover()).toBe(0); // waiting for a person: nothing to do
    const [approval, ...more] = await second.engine.listApprovals({ run_id: runId, status: "pending" });
    expect(more).toEqual([]);
    expect(approval?.data).toEqual({ text: "hello" });
    await second.engine.decide({ approval_id: approval?.approval_id as string, decision: "approve", comment: "ship it", decided_by: "alice" });
    await expect(second.engine.decide({ approval_id: approval?.approval_id as string, decision: "reject", decided_by: "bob" })).rejects.toBeInstanceOf(EngineError);
    await second.settle();

    const run = await second.engine.getRun(runId);
    expect(run?.status).toBe("completed");
    expect(run?.steps.ok?.output).toMatchObject({ decision: "approved", comment: "ship it", decided_by: "alice", data: { text: "hello" } });
    expect(first.probe.count("draft") + second.probe.count("draft")).toBe(1);
    const types = (await h.store.listEvents(runId)).map((ev) => ev.type);
    expect(types.filter((t) => t === "human.decided")).toHaveLength(1);
    expect(types.at(-1)).toBe("segment.completed");
  });

  it("retry-with-backoff: failed attempts stay as rows, the wait is a durable wake-up, the third attempt succeeds", async () => {
    const clock = new FakeClock();
    const e = engineOn(h.db, clock);
    const doc = chain("retry", ["a", "b", "c"], { b: "flaky" });
    doc.steps[1] = { ...doc.steps[1], config: { failures: 2 }, retry: { max_attempts: 3, initial_seconds: 10, multiplier: 3 } } as (typeof doc.steps)[number];
    const runId = await startAndSettle(e, doc);
    // parked: still running, with the next attempt's start as the run's durable wake-up time
    expect(await h.store.getRun(runId)).toMatchObject({ status: "running", wake_at: new Date(clock.now().getTime() + 10_000).toISOString() });
    expect(e.scheduler.timers).toBe(1);

    clock.advance(10_000);
    await e.settle();
    clock.advance(30_000);
    await e.settle();

    const run = await e.engine.getRun(runId);
    expect(run?.status).toBe("completed");
    expect(run?.steps.b).toMatchObject({ status: "completed", output: { attempt: 3 }, attempts: 3 });
    expect((await stepRows(runId, "b")).map((r) => [r.attempt, r.status])).toEqual([
      [1, "failed"],
      [2, "failed"],
      [3, "completed"],
    ]);
    expect(e.probe.count("a")).toBe(1);
    await expectStoredLog(e, runId);
  });

  it("subsegment-child-run: the child run is created by the parent's commit and wakes the parent when done", async () => {
    const e = engineOn(h.db, new FakeClock());
    await e.segments.add({ segment_id: "child-echo", name: "child", entrypoint: "x", steps: [{ step_id: "x", type: "noop", config: {} }], edges: [] });
    const doc: SegmentInput = {
      segment_id: "parent",
      name: "parent",
      entrypoint: "begin",
      steps: [
        { step_id: "begin", type: "const", config: { value: { text: "hi" } } },
        { step_id: "sub", type: "subsegment", config: { segment_id: "child-echo" } },
        { step_id: "end", type: "noop", config: {} },
      ],
      edges: [
        { from_step: "begin", to_step: "sub" },
        { from_step: "sub", to_step: "end" },
      ],
    };
    const runId = await startAndSettle(e, doc);
    const run = await e.engine.getRun(runId);
    expect(run?.status).toBe("completed");
    expect(run?.steps.sub?.output).toEqual({ text: "hi" });
    const state = await h.store.load(runId);
    const children = Object.values(state?.children ?? {});
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ status: "completed", output: { text: "hi" } });
    expect(await h.store.getRun(children[0]?.run_id as string)).toMatchObject({ parent_run_id: runId, root_run_id: runId, parent_step_id: "sub" });
    expect(e.errors).toEqual([]);
  });

  it("resume-after-crash: a new engine over the reopened database re-runs only the interrupted step", async () => {
    const clockA = new FakeClock();
    const a = engineOn(h.db, clockA, {
      register: (registry, probe) =>
        registry.register({
          type: "work",
          parseConfig: (c) => c,
          start: (ctx) => {
            probe.hit(ctx);
            return new Promise<StepOutcome>(() => {}); // the process dies during this call
          },
        }),
    });
    const doc = chain("crash", ["a", "b", "c"], { b: "work" });
    await a.segments.add(doc);
    const { run_id: runId } = await a.engine.start({ segment_id: doc.segment_id, input: {} });
    await waitFor(async () => (await h.store.load(runId))?.steps.b?.status === "running");
    a.scheduler.dispose();

    await h.restart();
    const clockB = new FakeClock(clockA.now());
    const b = engineOn(h.db, clockB, {
      register: (registry, probe) =>
        registry.register({
          type: "work",
          parseConfig: (c) => c,
          async start(ctx) {
            probe.hit(ctx);
            if (ctx.attempt < 2) throw new StepError("unexpected", "the interrupted attempt must not be reused");
            return complete({ done_by_attempt: ctx.attempt });
          },
        }),
    });
    // the embedded database is this process's alone (data-dir lock): the dead worker's lease
    // was voided on open, so the run is due now rather than when that lease would expire
    const due = (await h.store.findRunsToWake(clockB.now().toISOString())).find((r) => r.run_id === runId);
    expect(due).toEqual({ run_id: runId, wake_at: null });
    expect(await b.engine.recover()).toBeGreaterThanOrEqual(1);
    await b.settle();

    const run = await b.engine.getRun(runId);
    expect(run?.status).toBe("completed");
    expect(a.probe.count("a") + b.probe.count("a")).toBe(1);
    expect([a.probe.count("b"), b.probe.count("b"), b.probe.count("c")]).toEqual([1, 1, 1]);
    expect((await stepRows(runId, "b")).map((r) => [r.attempt, r.status, (r.error as { code?: string } | null)?.code ?? null])).toEqual([
      [1, "failed", "interrupted"],
      [2, "completed", null],
    ]);
    const stored = await h.store.listEvents(runId);
    expect(stored.map((ev) => ev.seq)).toEqual(stored.map((_, i) => i + 1));
    expect(b.errors).toEqual([]);
  });
});
