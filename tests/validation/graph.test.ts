import { describe, expect, it } from "vitest";
import { validateSegment } from "../../src/shared/validation";
import { chain, codes, doc, edge, only, transform } from "./helpers";

describe("validateSegment: graph", () => {
  it("a step no edge leads to is unreachable_step", () => {
    const { steps, edges } = chain(["a", "b"]);
    const result = validateSegment(doc([...steps, transform("orphan")], edges));
    expect(result.problems).toEqual([
      {
        code: "unreachable_step",
        severity: "error",
        message: 'Step "orphan" is not reachable from the entrypoint "a": connect it with an edge, or remove it.',
        step_id: "orphan",
        path: "steps[2]",
      },
    ]);
  });

  it("a step reachable only against the edge direction is still unreachable", () => {
    const result = validateSegment(doc([transform("a"), transform("b"), transform("c")], [edge("a", "b"), edge("c", "b")]));
    expect(only(result.problems, "unreachable_step").map((p) => p.step_id)).toEqual(["c"]);
  });

  it("a loop back to an earlier step is a cycle naming its steps in order", () => {
    const { steps, edges } = chain(["write", "check", "polish"]);
    const result = validateSegment(doc(steps, [...edges, edge("polish", "write")]));
    expect(result.problems).toEqual([
      {
        code: "cycle",
        severity: "error",
        message:
          'Steps "write" → "check" → "polish" → "write" form a cycle. Segments cannot loop: use a critic_loop step to repeat work until it is good enough, or a map step to repeat it per item.',
        step_id: "write",
        path: "steps[0]",
        edge: { index: 2, from_step: "polish", to_step: "write" },
      },
    ]);
  });

  it("an edge from a step to itself is a cycle", () => {
    const result = validateSegment(doc([transform("a")], [edge("a", "a")]));
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "cycle", step_id: "a", message: expect.stringMatching(/^Step "a" has an edge to itself/) }),
    ]);
  });

  it("two separate loops are two cycle problems; a loop inside a bigger tangle says how many steps are caught", () => {
    const steps = ["s", "a", "b", "c", "x", "y"].map((id) => transform(id));
    const edges = [edge("s", "a"), edge("a", "b"), edge("b", "a"), edge("b", "c"), edge("c", "a"), edge("s", "x"), edge("x", "y"), edge("y", "x")];
    const cycles = only(validateSegment(doc(steps, edges)).problems, "cycle");
    expect(cycles.map((p) => p.message.split(" form a cycle")[0])).toEqual(['Steps "a" → "b" → "a"', 'Steps "x" → "y" → "x"']);
    expect(cycles[0]?.message).toContain("(3 steps are caught in this loop)");
  });

  it("a subsegment or map step running its own segment is a cycle", () => {
    const steps = [
      { step_id: "again", type: "subsegment", config: { segment_id: "test" } },
      { step_id: "each", type: "map", config: { items: "input", segment_id: "test" } },
    ];
    const result = validateSegment(doc(steps, [edge("again", "each")]));
    expect(only(result.problems, "cycle").map((p) => [p.step_id, p.path, p.message])).toEqual([
      ["again", "steps[0].config.segment_id", 'Step "again" runs segment "test", the segment it belongs to: a segment cannot run itself.'],
      ["each", "steps[1].config.segment_id", 'Step "each" runs segment "test", the segment it belongs to: a segment cannot run itself.'],
    ]);
  });

  it("fan-out and fan-in (a diamond) is neither a cycle nor unreachable", () => {
    const steps = ["a", "b", "c", "d"].map((id) => transform(id));
    const result = validateSegment(doc(steps, [edge("a", "b"), edge("a", "c"), edge("b", "d"), edge("c", "d")]));
    expect(codes(result.problems)).toEqual([]);
  });
});
