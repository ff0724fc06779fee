import { describe, expect, it } from "vitest";
import { stepIdProblem, uniqueStepId } from "@/features/editor/lib/step-ids";
import { STEP_ID_MAX_LENGTH, STEP_ID_PATTERN } from "@/shared/segment";

describe("uniqueStepId", () => {
  it("keeps a free id, else numbers it from _2; a numbered id continues its series", () => {
    expect(uniqueStepId("summarize", new Set())).toBe("summarize");
    expect(uniqueStepId("summarize", new Set(["summarize"]))).toBe("summarize_2");
    expect(uniqueStepId("summarize_2", new Set(["summarize", "summarize_2"]))).toBe("summarize_3");
  });

  it("always gives a valid id within the length limit", () => {
    const long = "x".repeat(STEP_ID_MAX_LENGTH);
    const ids = [uniqueStepId("my step!", new Set()), uniqueStepId("-lead", new Set()), uniqueStepId("", new Set()), uniqueStepId(long, new Set([long]))];
    expect(ids.slice(0, 3)).toEqual(["my_step_", "lead", "step"]);
    for (const id of ids) {
      expect(id).toMatch(STEP_ID_PATTERN);
      expect(id.length).toBeLessThanOrEqual(STEP_ID_MAX_LENGTH);
    }
  });
});

describe("stepIdProblem", () => {
  it("null for a good free id; a sentence otherwise", () => {
    expect(stepIdProblem("ok_1", new Set(["a"]))).toBeNull();
    expect(stepIdProblem("a", new Set(["a"]))).toMatch(/already/);
    expect(stepIdProblem("a b", new Set())).toMatch(/letters/);
    expect(stepIdProblem("x".repeat(STEP_ID_MAX_LENGTH + 1), new Set())).toMatch(/at most/);
  });
});
