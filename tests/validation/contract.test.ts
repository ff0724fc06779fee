import { describe, expect, it } from "vitest";
import { validateSegment } from "../../src/shared/validation";
import { codes, doc, edge, llm, transform } from "./helpers";

describe("validateSegment: contract problems and partial documents", () => {
  it("a typo in a top-level key is unknown_key (error) with the contract's suggestion", () => {
    const { entrypoint, ...rest } = doc([transform("a")]);
    const result = validateSegment({ ...rest, entry_point: entrypoint });
    expect(result.ok).toBe(false);
    expect(result.segment).toBeUndefined();
    expect(result.problems).toEqual([
      { code: "missing_field", severity: "error", message: "entrypoint is required", path: "entrypoint" },
      { code: "unknown_key", severity: "error", message: 'unknown key "entry_point" — did you mean "entrypoint"?', path: "entry_point" },
    ]);
  });

  it("a bad enum value in a step is invalid_value with the step id", () => {
    const result = validateSegment(doc([{ ...transform("a"), on_error: "ignore" }]));
    expect(result.problems).toEqual([
      {
        code: "invalid_value",
        severity: "error",
        message: 'on_error must be one of "fail", "continue", got the string "ignore"',
        path: "steps[0].on_error",
        step_id: "a",
      },
    ]);
  });

  it("a step without config is missing_field, and the graph around it is still checked", () => {
    const steps = [transform("a"), { step_id: "b", type: "transform" }, transform("orphan")];
    const result = validateSegment(doc(steps as never, [edge("a", "b"), edge("b", "nowhere")]));
    expect(codes(result.problems)).toEqual(["missing_field", "unknown_edge_endpoint", "unreachable_step"]);
    expect(result.problems[0]).toMatchObject({ path: "steps[1].config", step_id: "b" });
  });

  it("a contract error elsewhere does not hide config, expression, port or cycle problems", () => {
    const steps = [{ ...llm("a", { temperature: 9 }), retry: { max_attempt: 3 } }, transform("b", "1 +")];
    const result = validateSegment(doc(steps, [edge("a", "b", { from_port: "output" }), edge("b", "a")]));
    expect(codes(result.problems)).toEqual(["unknown_key", "invalid_config", "invalid_expression", "port_mismatch", "cycle"]);
  });

  it("a document that is not an object gets the contract problem only", () => {
    expect(validateSegment(null).problems).toEqual([
      { code: "invalid_value", severity: "error", message: "the segment document must be an object, got null", path: "" },
    ]);
    expect(validateSegment([]).ok).toBe(false);
  });

  it("a valid segment returns the parsed segment with defaults applied", () => {
    const result = validateSegment({ segment_id: "s", name: "S", entrypoint: "a", steps: [transform("a")] });
    expect(result).toEqual({ ok: true, segment: expect.objectContaining({ version: "1.0", edges: [] }), problems: [] });
  });

  it("warnings alone keep ok true and still return the segment", () => {
    const result = validateSegment(doc([llm("a", { user_prompt_template: "{legacy}" })]));
    expect(result.ok).toBe(true);
    expect(result.segment).toBeDefined();
    expect(result.problems.map((p) => p.severity)).toEqual(["warning"]);
  });
});
