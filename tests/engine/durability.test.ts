import { describe, expect, it } from "vitest";
import { complete, type StepHandler, type StepOutcome } from "../../src/engine/steps/types";
import { FakeClock, InMemoryRunStore, MemorySegmentSource } from "../../src/engine/testing";
import type { StepRegistry } from "../../src/engine/steps/registry";
import { chain, deferred, expectGapFree, Probe, registerTestTypes, setup } from "./helpers";

/** A store whose calls never return once killed: the process holding it is gone. */
function killable(store: InMemoryRunStore, hang: (method: string) => boolean = () => true) {
  let dead = false;
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => (dead && hang(String(prop)) ? new Promise(() => {}) : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
  return { store: proxy, kill: () => (dead = true) };
}

function withWork(work: (probe: Probe) => StepHandler<unknown>) {
  return (registry: StepRegistry, probe: Probe) => {
    registerTestTypes(registry, probe);
    registry.register(work(probe));
  };
}

const hangingWork = withWork((probe) => ({
  type: "work",
  parseConfig: (c) => c,
  start: (ctx) => {
    probe.hit(ctx);
    return new Promise<StepOutcome>(() => {});
  },
}));
const finishingWork = withWork((probe) => ({
  type: "work",
  parseConfig: (c) => c,
  async start(ctx) {
    probe.hit(ctx);
    return complete({ done_by_attempt: ctx.attempt });
  },
}));

describe("restart", () => {
  it("restart-mid-run: no completed step runs twice and the in-flight one runs again as a new attempt", async () => {
    const clock = new FakeClock();
    const store = new InMemoryRunStore();
    const segments = new MemorySegmentSource();
    const first = killable(store);
    const p1 = new Probe();
    const a = setup({ clock, store: first.store, segments, probe: p1, registry: hangingWork });
    const started = await a.start(chain("crash", ["a", "b", "c"], { b: "work" }));
    expect(started.steps.a?.status).toBe("completed");
    expect(started.steps.b?.status).toBe("running");

    // the process dies mid-step
    first.kill();
    a.scheduler.dispose();

    const p2 = new Probe();
    const b = setup({ clock, store, segments, probe: p2, registry: finishingWork });
    // while the dead worker's lease is still valid, nobody else advances the run
    expect(await b.engine.recover()).toBe(1);
    await b.settle();
    expect(p2.count("b")).toBe(0);
    // once it expires, the new worker takes over
    await b.advance(30_001);
    const run = await b.run(started.run_id);
    expect(run.status).toBe("completed");
    expect(p1.count("a") + p2.count("a")).toBe(1);
    expect(p1.count("b")).toBe(1);
    expect(p2.count("b")).toBe(1);
    expect(p2.count("c")).toBe(1);
    expect(run.steps.b?.attempts).toBe(2);
    expect(run.steps.b?.output).toEqual({ done_by_attempt: 2 });
    const rows = await store.stepAttempts(started.run_id, "b");
    expect(rows.map((r) => [r.attempt, r.status, r.error?.code ?? null])).toEqual([
      [1, "failed", "interrupted"],
      [2, "completed", null],
    ]);
    const events = await store.listEvents(started.run_id);
    expectGapFree(events);
    expect(events.filter((e) => e.type === "step.completed").map((e) => e.step_id)).toEqual(["a", "b", "c"]);
  });

  it("lease-lost: a worker that lost its lease cannot write, the new holder's result stands", async () => {
    const clock = new FakeClock();
    const store = new InMemoryRunStore();
    const segments = new MemorySegmentSource();
    // the first worker freezes (e.g. a long GC pause): its heartbeats stop reaching the store
    const first = killable(store, (method) => method === "renew");
    const gate = deferred<StepOutcome>();
    const p1 = new Probe();
    const a = setup({
      clock,
      store: first.store,
      segments,
      probe: p1,
      registry: withWork((probe) => ({ type: "work", parseConfig: (c) => c, start: (ctx) => (probe.hit(ctx), gate.promise) })),
    });
    const started = await a.start(chain("fence", ["a", "b", "c"], { b: "work" }));
    first.kill();
    const b = setup({ clock, store, segments, registry: finishingWork });
    await b.engine.recover();
    await b.advance(30_001);
    expect((await b.run(started.run_id)).status).toBe("completed");

    // the frozen worker wakes up and tries to commit its stale result
    gate.resolve(complete("stale"));
    await a.settle();
    const run = await b.run(started.run_id);
    expect(run.steps.b?.output).toEqual({ done_by_attempt: 2 });
    expectGapFree(await store.listEvents(started.run_id));
    expect(a.errors.some((e) => (e as { code?: string }).code === "lease_lost")).toBe(true);
  });
});

describe("delay", () => {
  it("delay-durable-across-a-restart: the wake-up time is stored, a restart neither restarts nor loses the wait", async () => {
    const clock = new FakeClock();
    const store = new InMemoryRunStore();
    const segments = new MemorySegmentSource();
    const first = killable(store);
    const a = setup({ clock, store: first.store, segments });
    const doc = chain("wait", ["a", "pause", "c"], { pause: "delay" });
    doc.steps[1] = { ...doc.steps[1], config: { seconds: 60 } } as (typeof doc.steps)[number];
    const started = await a.start(doc, { x: 1 });
    expect(started.status).toBe("running");
    expect(started.steps.pause?.status).toBe("running");
    await a.advance(30_000);
    first.kill();
    a.scheduler.dispose();

    const b = setup({ clock, store, segments });
    expect(await b.engine.recover()).toBe(1);
    await b.advance(29_999);
    expect((await b.run(started.run_id)).steps.pause?.status).toBe("running");
    await b.advance(1);
    const run = await b.run(started.run_id);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ x: 1 });
    expect(run.steps.pause?.attempts).toBe(1);
  });

  it("delay-until-in-the-past-passes-at-once", async () => {
    const h = setup();
    const doc = chain("past", ["a", "d"], { d: "delay" });
    doc.steps[1] = { ...doc.steps[1], config: { until: "2000-01-01T00:00:00Z" } } as (typeof doc.steps)[number];
    expect((await h.start(doc)).status).toBe("completed");
  });
});
