import { describe, expect, it } from "vitest";
import { editDistance, suggestKey } from "../../src/shared/segment/suggest";

const STEP_KEYS = ["step_id", "type", "name", "config", "retry", "timeout_seconds", "on_error", "ui"];

describe("suggestKey", () => {
  it.each([
    ["stepId", "step_id"],
    ["step-id", "step_id"],
    ["nmae", "name"],
    ["typ", "type"],
    ["confg", "config"],
    ["onError", "on_error"],
    ["timeout_second", "timeout_seconds"],
    ["timeout_secs", "timeout_seconds"],
    ["timeout", "timeout_seconds"],
  ])("suggests %s → %s", (typo, expected) => {
    expect(suggestKey(typo, STEP_KEYS)).toBe(expected);
  });

  it.each(["prompt", "id", "x", "description", "settings"])("does not force a suggestion for unrelated %s", (key) => {
    expect(suggestKey(key, STEP_KEYS)).toBeUndefined();
  });

  it("counts a transposition as one edit", () => {
    expect(editDistance("nmae", "name")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});
