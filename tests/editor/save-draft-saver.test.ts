/** Autosave as a user meets it: debounced, one write at a time, retries offline, stops on a conflict. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { classifySaveError } from "@/features/editor/components/save-state/classify-error";
import { DraftSaver, SaveBlockedError, type SaveStatus } from "@/features/editor/components/save-state/draft-saver";
import type { Segment } from "@/shared/segment";

function segment(name: string): Segment {
  return { version: "1.0", segment_id: "s", name, entrypoint: "a", steps: [{ step_id: "a", type: "transform", config: {} }], edges: [] };
}

const conflictError = () => Object.assign(new Error("changed elsewhere (draft version 7)"), { data: { code: "CONFLICT", httpStatus: 409, appCode: "conflict" } });
const networkError = () => Object.assign(new Error("Failed to fetch"), { data: undefined });

type Call = { name: string; version: number; resolve: (v: { version: number }) => void; reject: (e: unknown) => void };

function harness(initialVersion = 3) {
  let doc = segment("v0");
  const calls: Call[] = [];
  const statuses: SaveStatus[] = [];
  const saver = new DraftSaver({
    version: initialVersion,
    readDocument: () => doc,
    send: (document, version) =>
      new Promise((resolve, reject) => {
        calls.push({ name: document.name, version, resolve, reject });
      }),
    classify: classifySaveError,
    onStatus: (status) => statuses.push(status),
    debounceMs: 800,
    backoffMs: (attempt) => 1000 * attempt,
  });
  const edit = (name: string) => {
    doc = segment(name);
    saver.schedule();
  };
  return { saver, calls, statuses, edit, last: () => statuses.at(-1)?.kind };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("autosave", () => {
  it("waits for a pause in editing, then writes the latest document once", async () => {
    const h = harness();
    h.edit("one");
    await vi.advanceTimersByTimeAsync(500);
    h.edit("two");
    await vi.advanceTimersByTimeAsync(500);
    expect(h.calls).toHaveLength(0);
    expect(h.last()).toBe("pending");
    await vi.advanceTimersByTimeAsync(300);
    expect(h.calls.map((c) => [c.name, c.version])).toEqual([["two", 3]]);
    expect(h.last()).toBe("saving");
    h.calls[0]!.resolve({ version: 4 });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.last()).toBe("saved");
  });

  it("never has two writes in flight: a change during a write is saved after it with the new version", async () => {
    const h = harness();
    h.edit("one");
    await vi.advanceTimersByTimeAsync(800);
    h.edit("two");
    h.edit("three");
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.calls).toHaveLength(1);
    h.calls[0]!.resolve({ version: 4 });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.map((c) => [c.name, c.version])).toEqual([
      ["one", 3],
      ["three", 4],
    ]);
  });

  it("does not write when the document is back to what the draft holds", async () => {
    const h = harness();
    h.edit("v0");
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.calls).toHaveLength(0);
  });

  it("says offline and retries with backoff until the server answers, keeping the latest edits", async () => {
    const h = harness();
    h.edit("one");
    await vi.advanceTimersByTimeAsync(800);
    h.calls[0]!.reject(networkError());
    await vi.advanceTimersByTimeAsync(0);
    expect(h.statuses.at(-1)).toMatchObject({ kind: "offline", attempt: 1 });
    h.edit("two");
    expect(h.last()).toBe("offline");
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.calls.at(-1)!.name).toBe("two");
    h.calls.at(-1)!.reject(networkError());
    await vi.advanceTimersByTimeAsync(0);
    expect(h.statuses.at(-1)).toMatchObject({ kind: "offline", attempt: 2 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(h.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.calls).toHaveLength(3);
    h.calls[2]!.resolve({ version: 4 });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.last()).toBe("saved");
    expect(h.saver.hasUnsavedChanges()).toBe(false);
  });

  it("stops on a conflict: no more writes until the user chooses, and 'keep mine' overwrites with the fresh version", async () => {
    const h = harness();
    h.edit("mine");
    await vi.advanceTimersByTimeAsync(800);
    h.calls[0]!.reject(conflictError());
    await vi.advanceTimersByTimeAsync(0);
    expect(h.statuses.at(-1)).toEqual({ kind: "conflict", message: "changed elsewhere (draft version 7)" });
    h.edit("mine, edited more");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.calls).toHaveLength(1);
    expect(h.saver.hasUnsavedChanges()).toBe(true);

    const kept = h.saver.resolveConflict(7, null);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.calls.at(-1)).toMatchObject({ name: "mine, edited more", version: 7 });
    h.calls.at(-1)!.resolve({ version: 8 });
    await expect(kept).resolves.toBe(true);
  });

  it("after 'reload theirs' the loaded document counts as saved (no write back)", async () => {
    const h = harness();
    h.edit("mine");
    await vi.advanceTimersByTimeAsync(800);
    h.calls[0]!.reject(conflictError());
    await vi.advanceTimersByTimeAsync(0);
    h.edit("theirs"); // the editor now shows their document
    await h.saver.resolveConflict(7, segment("theirs"));
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.calls).toHaveLength(1);
    expect(h.last()).toBe("saved");
    h.edit("after");
    await vi.advanceTimersByTimeAsync(800);
    expect(h.calls.at(-1)).toMatchObject({ name: "after", version: 7 });
  });

  it("runs other writes (save as revision) in the same queue with the current version", async () => {
    const h = harness();
    h.edit("one");
    await vi.advanceTimersByTimeAsync(800);
    const versions: number[] = [];
    const revision = h.saver.exclusive(async (version) => {
      versions.push(version);
      return { value: "rev 2", version: version + 1, saved: segment("one") };
    });
    expect(versions).toEqual([]); // waits for the autosave in flight
    h.calls[0]!.resolve({ version: 4 });
    await expect(revision).resolves.toBe("rev 2");
    expect(versions).toEqual([4]);
    expect(h.saver.currentVersion).toBe(5);
  });

  it("refuses other writes while a conflict is open", async () => {
    const h = harness();
    h.edit("one");
    await vi.advanceTimersByTimeAsync(800);
    h.calls[0]!.reject(conflictError());
    await vi.advanceTimersByTimeAsync(0);
    await expect(h.saver.exclusive(async () => ({ value: 1, version: 9, saved: segment("x") }))).rejects.toBeInstanceOf(SaveBlockedError);
  });

  it("a refused write (not a conflict, not the network) says so and is tried again on the next change", async () => {
    const h = harness();
    h.edit("huge");
    await vi.advanceTimersByTimeAsync(800);
    h.calls[0]!.reject(Object.assign(new Error("The segment document is too large"), { data: { code: "BAD_REQUEST", httpStatus: 400 } }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.statuses.at(-1)).toEqual({ kind: "failed", message: "The segment document is too large" });
    expect(h.calls).toHaveLength(1);
    h.edit("smaller");
    await vi.advanceTimersByTimeAsync(800);
    expect(h.calls.at(-1)!.name).toBe("smaller");
  });
});

describe("classifySaveError", () => {
  it("tells conflicts, outages and refusals apart", () => {
    expect(classifySaveError(conflictError()).kind).toBe("conflict");
    expect(classifySaveError(networkError()).kind).toBe("network");
    expect(classifySaveError(Object.assign(new Error("down"), { data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503 } })).kind).toBe("network");
    expect(classifySaveError(Object.assign(new Error("bad"), { data: { code: "BAD_REQUEST", httpStatus: 400 } }))).toEqual({ kind: "rejected", message: "bad" });
  });
});
