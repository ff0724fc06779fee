import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  BUILTIN_STEP_TYPES,
  builtinCatalog,
  createBuiltinCatalog,
  StepCatalog,
  transformMetadata,
  type StepTypeMetadata,
} from "../../src/shared/catalog";

const BUILTIN_IDS = [
  "llm_agent",
  "transform",
  "condition",
  "http_request",
  "human_approval",
  "critic_loop",
  "delay",
  "subsegment",
  "map",
];

const customType = (overrides: Partial<StepTypeMetadata> = {}): StepTypeMetadata => ({
  type_id: "custom",
  display_name: "Custom",
  category: "logic",
  description: "A custom step.",
  icon: "box",
  config_schema: z.strictObject({}),
  ports: { inputs: [{ id: "in", level: "workflow", data_type: "any" }], outputs: [{ id: "out", level: "workflow", data_type: "any" }] },
  expression_fields: { jsonata: [], templates: [] },
  ...overrides,
});

describe("StepCatalog", () => {
  it("registering a type id twice throws an error naming the type", () => {
    const catalog = new StepCatalog().register(customType());
    expect(() => catalog.register(customType({ display_name: "Other" }))).toThrow(/"custom".*already registered/);
    expect(() => createBuiltinCatalog().register(transformMetadata)).toThrow(/"transform"/);
  });

  it("get/has find registered types only", () => {
    const catalog = new StepCatalog().register(customType());
    expect(catalog.has("custom")).toBe(true);
    expect(catalog.get("custom")?.display_name).toBe("Custom");
    expect(catalog.has("nope")).toBe(false);
    expect(catalog.get("nope")).toBeUndefined();
  });

  it("list() is ordered by category (palette order), then display name, whatever the registration order", () => {
    const catalog = new StepCatalog();
    for (const meta of [...BUILTIN_STEP_TYPES].reverse()) catalog.register(meta);
    const listed = catalog.list().map((m) => m.type_id);
    expect(listed).toEqual(builtinCatalog.list().map((m) => m.type_id));
    expect(listed).toEqual([
      "critic_loop",
      "llm_agent",
      "condition",
      "transform",
      "http_request",
      "human_approval",
      "delay",
      "map",
      "subsegment",
    ]);
  });

  it("describe() is recomputed after a registration", () => {
    const catalog = createBuiltinCatalog();
    expect(catalog.describe()).toHaveLength(9);
    catalog.register(customType());
    expect(catalog.describe().map((d) => d.type_id)).toContain("custom");
    expect(builtinCatalog.has("custom")).toBe(false);
  });

  it("describe() hands out copies: mutating one does not change the next", () => {
    const first = builtinCatalog.describe();
    first[0]!.display_name = "changed";
    first[0]!.ports.inputs[0]!.id = "changed";
    expect(builtinCatalog.describe()[0]!.display_name).not.toBe("changed");
    expect(builtinCatalog.describe()[0]!.ports.inputs[0]!.id).toBe("in");
  });
});

describe("built-in catalog", () => {
  it("holds the nine built-in types", () => {
    expect(builtinCatalog.list().map((m) => m.type_id).sort()).toEqual([...BUILTIN_IDS].sort());
  });

  it.each(BUILTIN_IDS)("%s has a name, a category, a one-sentence description and an icon", (id) => {
    const meta = builtinCatalog.get(id)!;
    expect(meta.type_id).toBe(id);
    expect(meta.display_name).toMatch(/^[A-Z]/);
    expect(["ai", "logic", "integration", "human", "flow"]).toContain(meta.category);
    expect(meta.description).toMatch(/^[A-Z].*\.$/);
    expect(meta.icon).toMatch(/^[a-z][a-z-]*$/);
  });

  it.each(BUILTIN_IDS)("%s has the stable port ids: input in, outputs out (condition: true/false)", (id) => {
    const meta = builtinCatalog.get(id)!;
    expect(meta.ports.inputs.map((p) => p.id)).toEqual(["in"]);
    expect(meta.ports.outputs.map((p) => p.id)).toEqual(id === "condition" ? ["true", "false"] : ["out"]);
  });

  it("port levels follow seed P1-7: agent for LLM steps, human for approvals, workflow for the rest", () => {
    const levels = Object.fromEntries(
      builtinCatalog.list().map((m) => [m.type_id, [...m.ports.inputs, ...m.ports.outputs].map((p) => p.level)]),
    );
    expect(levels.llm_agent).toEqual(["agent", "agent"]);
    expect(levels.critic_loop).toEqual(["agent", "agent"]);
    expect(levels.human_approval).toEqual(["human", "human"]);
    for (const id of ["transform", "condition", "http_request", "delay", "subsegment", "map"]) {
      expect(new Set(levels[id])).toEqual(new Set(["workflow"]));
    }
    expect(builtinCatalog.get("human_approval")!.ports.outputs[0]!.data_type).toBe("approval");
    expect(builtinCatalog.get("condition")!.ports.outputs.map((p) => p.data_type)).toEqual(["boolean", "boolean"]);
    expect(builtinCatalog.get("map")!.ports.outputs[0]!.data_type).toBe("array");
  });

  it.each(BUILTIN_IDS)("%s: every expression field names a string field of the config schema", (id) => {
    const description = builtinCatalog.describe().find((d) => d.type_id === id)!;
    type Node = { type?: string; properties?: Record<string, Node> };
    const fieldAt = (dotted: string): Node | undefined =>
      dotted.split(".").reduce<Node | undefined>((node, key) => node?.properties?.[key], description.config_schema as Node);
    for (const field of description.expression_fields.jsonata) expect(fieldAt(field)?.type, field).toBe("string");
    for (const field of description.expression_fields.templates) expect(fieldAt(field), field).toBeDefined();
  });
});
