import { describe, expect, it } from "vitest";
import { builtinCatalog } from "../../src/shared/catalog";

type Node = {
  type?: string;
  properties?: Record<string, Node>;
  required?: string[];
  additionalProperties?: unknown;
  default?: unknown;
  description?: string;
  [key: string]: unknown;
};

const schemas = Object.fromEntries(builtinCatalog.describe().map((d) => [d.type_id, d.config_schema as Node]));

function objectNodes(node: Node): Node[] {
  return node.type === "object" && node.properties
    ? [node, ...Object.values(node.properties).flatMap(objectNodes)]
    : [];
}

describe("describe(): config JSON Schemas", () => {
  it("is JSON-safe (survives a JSON round trip unchanged)", () => {
    const described = builtinCatalog.describe();
    expect(JSON.parse(JSON.stringify(described))).toEqual(described);
  });

  it.each(Object.keys(schemas))("%s: a draft 2020-12 object schema whose objects are closed (additionalProperties false)", (id) => {
    const schema = schemas[id]!;
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.type).toBe("object");
    for (const node of objectNodes(schema)) expect(node.additionalProperties).toBe(false);
  });

  it.each(Object.keys(schemas))("%s: every config key has a description", (id) => {
    for (const node of objectNodes(schemas[id]!)) {
      for (const [key, property] of Object.entries(node.properties!)) expect(property.description, key).toBeTruthy();
    }
  });

  it("carries the defaults the issue states (input side: defaulted keys are not required)", () => {
    const defaults = (id: string) =>
      Object.fromEntries(Object.entries(schemas[id]!.properties!).filter(([, p]) => "default" in p).map(([k, p]) => [k, p.default]));
    expect(defaults("llm_agent")).toEqual({ system_prompt: "", temperature: 0.7, output_format: "text" });
    expect(defaults("http_request")).toEqual({ method: "GET", timeout_seconds: 30 });
    expect(defaults("human_approval")).toEqual({ on_timeout: "fail", on_reject: "continue" });
    expect(defaults("critic_loop")).toEqual({
      max_iterations: 5,
      quality_threshold: 0.85,
      improvement_threshold: 0.05,
      stop_on_rejection: true,
      timeout_per_iteration: 60,
    });
    expect(defaults("map")).toEqual({ concurrency: 4 });
    expect(schemas.llm_agent!.required).toEqual(["llm_ref"]);
    expect(schemas.critic_loop!.required).toEqual(["generator", "critic"]);
  });

  it("carries enums and bounds", () => {
    const llm = schemas.llm_agent!.properties!;
    expect(llm.temperature).toMatchObject({ type: "number", minimum: 0, maximum: 2 });
    expect(llm.max_tokens).toMatchObject({ type: "integer", minimum: 1 });
    expect(llm.output_format).toMatchObject({ enum: ["text", "json", "markdown"] });
    expect(schemas.http_request!.properties!.method!.enum).toEqual(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]);
    expect(schemas.critic_loop!.properties!.max_iterations).toMatchObject({ type: "integer", minimum: 1, maximum: 50 });
    expect(schemas.map!.properties!.concurrency).toMatchObject({ minimum: 1, maximum: 64 });
    expect(schemas.human_approval!.properties!.timeout_seconds).toMatchObject({ exclusiveMinimum: 0 });
  });

  it("delay says exactly one of seconds or until (oneOf)", () => {
    expect(schemas.delay!.oneOf).toEqual([{ required: ["seconds"] }, { required: ["until"] }]);
    expect(schemas.delay!.properties!.until).toMatchObject({ type: "string", format: "date-time" });
  });

  it("subsegment and map segment_id carry the slug pattern", () => {
    expect(schemas.subsegment!.properties!.segment_id!.pattern).toBe("^[a-z0-9][a-z0-9_-]{0,63}$");
    expect(schemas.map!.required).toEqual(["items", "segment_id"]);
  });
});
