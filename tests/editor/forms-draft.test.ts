import { describe, expect, it } from "vitest";
import { commitDraft, editDraft, initialDraft, SKIP, syncDraft } from "@/features/editor/forms/draft-state";
import { jsonEqual } from "@/features/editor/forms/json-value";

const id = <T>(v: T) => v;
const eq = jsonEqual;

describe("a draft over a store value", () => {
  it("keystrokes-after-a-commit-survive-the-store-echo", () => {
    let state = editDraft(initialDraft("Hel", id), "Hello");
    const { state: committed, write } = commitDraft(state, id, eq);
    expect(write).toEqual({ value: "Hello" });
    // The user keeps typing before the store's new value comes back…
    state = editDraft(committed, "Hello, wor");
    // …and the store now shows what was written: the newer draft is kept.
    expect(syncDraft(state, "Hello", id, eq)).toBe(state);
  });

  it("undo-replaces-the-draft: a store value we did not write wins, pending typing is dropped", () => {
    const state = editDraft(initialDraft({ t: 0.7 }, id), { t: 1.2 });
    const synced = syncDraft(state, { t: 0.2 }, id, eq);
    expect(synced).toEqual({ draft: { t: 0.2 }, base: { t: 0.2 }, dirty: false });
    expect(commitDraft(synced, id, eq).write).toBeUndefined();
  });

  it("writes nothing when the draft ends where it started (no empty undo step)", () => {
    const state = editDraft(editDraft(initialDraft("abc", id), "abcd"), "abc");
    const { state: next, write } = commitDraft(state, id, eq);
    expect(write).toBeUndefined();
    expect(next.dirty).toBe(false);
  });

  it("a draft that cannot be written yet stays a draft", () => {
    const toNumber = (text: string) => (Number.isFinite(Number(text)) ? Number(text) : SKIP);
    const state = editDraft(initialDraft<number, string>(3, String), "3e");
    expect(commitDraft(state, toNumber, eq)).toEqual({ state });
    const fixed = editDraft(state, "30");
    expect(commitDraft(fixed, toNumber, eq).write).toEqual({ value: 30 });
  });

  it("objects compare by content: the store's own copy of what we wrote is our echo", () => {
    const state = editDraft(initialDraft<Record<string, unknown>, Record<string, unknown>>({ a: 1 }, id), { a: 1, b: 2 });
    const { state: committed } = commitDraft(state, id, eq);
    expect(syncDraft(committed, { b: 2, a: 1 }, id, eq)).toBe(committed);
  });
});
