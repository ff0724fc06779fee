import { describe, expect, it } from "vitest";
import { validateSegment } from "../../src/shared/validation";
import { chain, doc, edge } from "./helpers";

// Works at scale (iterative graph walks, no quadratic passes). Speed belongs to benchmarks.
describe("validateSegment: large segments", () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `step_${i}`);

  it("a 1,000-step chain validates with no problems", () => {
    const { steps, edges } = chain(ids);
    const result = validateSegment(doc(steps, edges));
    expect(result.problems).toEqual([]);
    expect(result.segment?.steps).toHaveLength(1000);
  });

  it("a 1,000-step loop is one cycle problem, without overflowing the stack", () => {
    const { steps, edges } = chain(ids);
    const result = validateSegment(doc(steps, [...edges, edge("step_999", "step_0")]));
    expect(result.problems.map((p) => p.code)).toEqual(["cycle"]);
    expect(result.problems[0]?.message).toContain('"step_998" → "step_999" → "step_0" form a cycle');
  });
});
