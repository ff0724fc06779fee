import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createBuiltinCatalog, type StepTypeMetadata } from "../../src/shared/catalog";
import { validateSegment } from "../../src/shared/validation";
import { doc, edge, llm, only, transform } from "./helpers";

const condition = (step_id: string) => ({ step_id, type: "condition", config: { expression: "step_input = true" } });

describe("validateSegment: port_mismatch", () => {
  it("a from_port the step's type does not have is port_mismatch with a suggestion", () => {
    const result = validateSegment(doc([condition("c"), transform("t")], [edge("c", "t", { from_port: "yes" })]));
    expect(result.problems).toEqual([
      {
        code: "port_mismatch",
        severity: "error",
        message: 'The edge "c" → "t" uses output port "yes", but step "c" (Condition) has no such port; its outputs are "true" and "false"',
        edge: { index: 0, from_step: "c", to_step: "t" },
        path: "edges[0].from_port",
      },
    ]);
  });

  it("llmteam's port names output/input are port_mismatch pointing at out/in", () => {
    const result = validateSegment(doc([llm("a"), transform("b")], [edge("a", "b", { from_port: "output", to_port: "input" })]));
    expect(only(result.problems, "port_mismatch").map((p) => [p.path, p.message])).toEqual([
      ["edges[0].from_port", 'The edge "a" → "b" uses output port "output", but step "a" (LLM agent) has no such port — did you mean "out"?'],
      ["edges[0].to_port", 'The edge "a" → "b" uses input port "input", but step "b" (Transform) has no such port — did you mean "in"?'],
    ]);
  });

  it("a typo of a condition port is corrected", () => {
    const result = validateSegment(doc([condition("c"), transform("t")], [edge("c", "t", { from_port: "ture" })]));
    expect(result.problems[0]?.message).toMatch(/— did you mean "true"\?$/);
  });

  it("connecting incompatible data types is port_mismatch with portsCompatible's reason", () => {
    const catalog = createBuiltinCatalog();
    const parser: StepTypeMetadata = {
      type_id: "json_sink",
      display_name: "JSON sink",
      category: "integration",
      description: "Takes JSON only.",
      icon: "database",
      config_schema: z.strictObject({}),
      ports: { inputs: [{ id: "in", level: "workflow", data_type: "json" }], outputs: [{ id: "out", level: "workflow", data_type: "any" }] },
      expression_fields: { jsonata: [], templates: [] },
    };
    const texty: StepTypeMetadata = {
      ...parser,
      type_id: "text_source",
      display_name: "Text source",
      ports: { inputs: [{ id: "in", level: "workflow", data_type: "any" }], outputs: [{ id: "out", level: "workflow", data_type: "text" }] },
    };
    catalog.register(parser).register(texty);
    const steps = [
      { step_id: "src", type: "text_source", config: {} },
      { step_id: "sink", type: "json_sink", config: {} },
      condition("c"),
      { step_id: "sink2", type: "json_sink", config: {} },
    ];
    const edges = [edge("src", "sink"), edge("src", "c"), edge("c", "sink2", { from_port: "true" })];
    const result = validateSegment(doc(steps, edges), catalog);
    expect(only(result.problems, "port_mismatch")).toEqual([
      {
        code: "port_mismatch",
        severity: "error",
        message:
          'The edge "src" → "sink" connects incompatible ports: output "out" carries text but input "in" expects json (parse the text first, e.g. with a transform step using $eval).',
        edge: { index: 0, from_step: "src", to_step: "sink" },
        path: "edges[0]",
      },
      {
        code: "port_mismatch",
        severity: "error",
        message: 'The edge "c" → "sink2" connects incompatible ports: output "true" carries boolean but input "in" expects json.',
        edge: { index: 2, from_step: "c", to_step: "sink2" },
        path: "edges[2]",
      },
    ]);
    expect(validateSegment(doc(steps, edges)).problems.filter((p) => p.code === "unknown_step_type")).toHaveLength(3);
  });

  it("edges without ports use the default ports, and every built-in pairing is compatible", () => {
    const steps = [
      llm("a"),
      { step_id: "h", type: "human_approval", config: { title: "OK?" } },
      condition("c"),
      { step_id: "m", type: "map", config: { items: "step_input", segment_id: "child" } },
      transform("t"),
    ];
    const result = validateSegment(doc(steps, [edge("a", "h"), edge("h", "c"), edge("c", "m", { from_port: "true" }), edge("m", "t")]));
    expect(result.problems).toEqual([]);
  });
});
