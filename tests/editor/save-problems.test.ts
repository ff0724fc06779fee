/** The problems list points at the right canvas element and names it for people. */
import { describe, expect, it } from "vitest";
import { problemCounts, problemPlace, problemTarget } from "@/features/editor/components/problems/problem-target";
import type { Problem } from "@/shared/validation";

const edges = [
  { id: "e0", source: "a", target: "b" },
  { id: "e1", source: "b", target: "c" },
];

const p = (extra: Partial<Problem>): Problem => ({ code: "invalid_config", message: "m", severity: "error", ...extra });

describe("problemTarget", () => {
  it("focuses the edge at the problem's index, the step of a step problem, the settings otherwise", () => {
    expect(problemTarget(p({ edge: { index: 1, from_step: "b", to_step: "c" } }), edges)).toEqual({ kind: "edge", id: "e1" });
    expect(problemTarget(p({ step_id: "a" }), edges)).toEqual({ kind: "step", id: "a" });
    expect(problemTarget(p({ path: "input_schema" }), edges)).toEqual({ kind: "segment" });
  });

  it("finds the edge by its ends when the canvas changed since validation", () => {
    expect(problemTarget(p({ edge: { index: 0, from_step: "b", to_step: "c" } }), edges)).toEqual({ kind: "edge", id: "e1" });
    expect(problemTarget(p({ step_id: "b", edge: { index: 5, from_step: "x", to_step: "y" } }), edges)).toEqual({ kind: "step", id: "b" });
  });
});

describe("problemPlace and problemCounts", () => {
  const names = new Map([["a", "Draft article"]]);
  it("names steps by their name, edges by their ends, segment problems by the setting", () => {
    expect(problemPlace(p({ step_id: "a" }), (id) => names.get(id))).toBe("Draft article");
    expect(problemPlace(p({ edge: { index: 0, from_step: "a", to_step: "b" } }), (id) => names.get(id))).toBe("Draft article → b");
    expect(problemPlace(p({ path: "input_schema.properties" }), () => undefined)).toBe("Run input schema");
  });

  it("summarises as '3 errors · 1 warning', nothing when clean", () => {
    const list = [p({}), p({}), p({}), p({ severity: "warning" })];
    expect(problemCounts(list).summary).toBe("3 errors · 1 warning");
    expect(problemCounts([p({ severity: "warning" })]).summary).toBe("1 warning");
    expect(problemCounts([]).summary).toBeNull();
  });
});
