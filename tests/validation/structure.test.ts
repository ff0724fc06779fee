import { describe, expect, it } from "vitest";
import { validateSegment } from "../../src/shared/validation";
import { chain, codes, doc, edge, llm, only, transform } from "./helpers";

describe("validateSegment: structure", () => {
  it("a segment without steps is empty_segment (and nothing else is invented)", () => {
    const result = validateSegment(doc([], [], { entrypoint: "start" }));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        code: "empty_segment",
        severity: "error",
        message: "The segment has no steps: add at least one step and make it the entrypoint.",
        path: "steps",
      },
    ]);
  });

  it("two steps with the same id are duplicate_step_id on the second one", () => {
    const { steps, edges } = chain(["a", "b"]);
    const result = validateSegment(doc([...steps, transform("a")], edges));
    expect(only(result.problems, "duplicate_step_id")).toEqual([
      {
        code: "duplicate_step_id",
        severity: "error",
        message: 'Step "a" is defined twice (steps[0] and steps[2]): step ids must be unique — rename one of them.',
        step_id: "a",
        path: "steps[2].step_id",
      },
    ]);
  });

  it("a typo in a step type is unknown_step_type with a suggestion", () => {
    const result = validateSegment(doc([{ step_id: "draft", type: "llm_agnet", config: { llm_ref: "mock" } }]));
    expect(result.problems).toEqual([
      {
        code: "unknown_step_type",
        severity: "error",
        message: 'Step "draft" has an unknown type "llm_agnet" — did you mean "llm_agent"?',
        step_id: "draft",
        path: "steps[0].type",
      },
    ]);
  });

  it("a made-up step type is unknown_step_type listing the known types", () => {
    const result = validateSegment(doc([{ step_id: "x", type: "teleport", config: {} }]));
    const [problem] = only(result.problems, "unknown_step_type");
    expect(problem?.message).toMatch(/^Step "x" has an unknown type "teleport"\. Known types: "llm_agent", .* and "map"\.$/);
  });

  it("an entrypoint naming no step is unknown_entrypoint with a suggestion", () => {
    const { steps, edges } = chain(["research", "write"]);
    const result = validateSegment(doc(steps, edges, { entrypoint: "reserch" }));
    expect(only(result.problems, "unknown_entrypoint")).toEqual([
      {
        code: "unknown_entrypoint",
        severity: "error",
        message: 'The entrypoint "reserch" is not a step of this segment — did you mean "research"?',
        path: "entrypoint",
      },
    ]);
    // without a known entrypoint, reachability is not guessed
    expect(codes(result.problems)).not.toContain("unreachable_step");
  });

  it("an edge to a step that does not exist is unknown_edge_endpoint with the edge and a suggestion", () => {
    const result = validateSegment(doc([transform("fetch"), transform("review")], [edge("fetch", "reveiw"), edge("ghost", "review")]));
    expect(only(result.problems, "unknown_edge_endpoint")).toEqual([
      {
        code: "unknown_edge_endpoint",
        severity: "error",
        message: 'The edge "fetch" → "reveiw" goes to "reveiw", which is not a step of this segment — did you mean "review"?',
        edge: { index: 0, from_step: "fetch", to_step: "reveiw" },
        path: "edges[0].to_step",
      },
      {
        code: "unknown_edge_endpoint",
        severity: "error",
        message: 'The edge "ghost" → "review" comes from "ghost", which is not a step of this segment',
        edge: { index: 1, from_step: "ghost", to_step: "review" },
        path: "edges[1].from_step",
      },
    ]);
  });

  it("the same edge drawn twice is a duplicate_edge warning; the segment stays ok", () => {
    const result = validateSegment(doc([llm("a"), llm("b")], [edge("a", "b"), edge("a", "b", { from_port: "out", to_port: "in" })]));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      {
        code: "duplicate_edge",
        severity: "warning",
        message: 'The edge "a" → "b" is drawn twice (edges[0] and edges[1], same ports): remove one of them.',
        edge: { index: 1, from_step: "a", to_step: "b" },
        path: "edges[1]",
      },
    ]);
  });

  it("two edges from different condition ports to the same step are not duplicates", () => {
    const steps = [{ step_id: "c", type: "condition", config: { expression: "true" } }, transform("t")];
    const result = validateSegment(doc(steps, [edge("c", "t", { from_port: "true" }), edge("c", "t", { from_port: "false" })]));
    expect(result.problems).toEqual([]);
  });
});
