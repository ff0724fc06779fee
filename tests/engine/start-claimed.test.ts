// With the in-process scheduler (Scheduler.advancesHere), a run is created already claimed by
// the process that starts it: its first advance neither claims nor reads it. A process that
// dies right after creating such a run leaves it to be taken over when that lease ends.
import { describe, expect, it } from "vitest";
import { FakeClock, InMemoryRunStore, MemorySegmentSource } from "../../src/engine/testing";
import { chain, expectGapFree, setup } from "./helpers";

/** The store, counting calls per method; `freeze()` makes every later call hang (a dead process). */
function watched(store: InMemoryRunStore) {
  const calls = new Map<string, number>();
  let frozen = false;
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        if (frozen) return new Promise(() => {});
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, count: (method: string) => calls.get(method) ?? 0, freeze: () => (frozen = true) };
}

describe("runs started in this process", () => {
  it("are advanced without a claim or a read: created, committed once, released with that commit", async () => {
    const store = new InMemoryRunStore();
    const w = watched(store);
    const h = setup({ store: w.store });
    const segments = h.segments;
    const revision = segments.add(chain("two", ["a", "b"]));
    const run = await h.engine.start({ segment_id: "two", revision, input: { x: 1 } });
    await h.settle();
    expect((await store.getRun(run.run_id))?.status).toBe("completed");
    expect([w.count("createRun"), w.count("claim"), w.count("load"), w.count("release")]).toEqual([1, 0, 0, 0]);
    expect((await h.run(run.run_id)).steps.b?.output).toEqual({ x: 1 });
    // free for anyone afterwards
    const again = await store.claim(run.run_id, "other", new Date().toISOString(), new Date(Date.now() + 1000).toISOString());
    expect(again.ok).toBe(true);
  });

  it("a process that dies right after creating a run: another takes the run over when the lease ends", async () => {
    const clock = new FakeClock();
    const store = new InMemoryRunStore();
    const segments = new MemorySegmentSource();
    const first = watched(store);
    const a = setup({ clock, store: first.store, segments });
    const revision = segments.add(chain("orphan", ["a", "b"]));
    // the store answers the creation, then the process is gone before its first commit lands
    const originalCommit = store.commit.bind(store);
    store.commit = (...args) => {
      first.freeze();
      return new Promise(() => void args) as ReturnType<typeof originalCommit>;
    };
    const run = await a.engine.start({ segment_id: "orphan", revision });
    await a.settle();
    a.scheduler.dispose();
    store.commit = originalCommit;
    expect((await store.getRun(run.run_id))?.status).toBe("pending");

    const b = setup({ clock, store, segments });
    expect(await b.engine.recover()).toBe(1);
    await b.settle();
    expect((await store.getRun(run.run_id))?.status).toBe("pending");
    await b.advance(30_001);
    const done = await b.run(run.run_id);
    expect(done.status).toBe("completed");
    expectGapFree(await store.listEvents(run.run_id));
  });
});
