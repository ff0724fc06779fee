// The OpenAPI document: valid OpenAPI 3.1, lists every route of restRoutes, every route is
// served by a Next route file, and what the routes answer matches it (each call through the
// harness is checked against the document; this file makes one call per documented answer of
// the segment, catalog and system routes).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../src/server/rest/openapi";
import { restRoutes } from "../../src/server/rest/routes";
import { getRun } from "../../src/server/services/runs/get-run";
import { startRun } from "../../src/server/services/runs/start-run";
import { sampleSegment } from "../helpers/segments";
import { eventually, openApiDocument, startRestHarness, type RestHarness } from "./support";

let api: RestHarness;
beforeAll(async () => {
  api = await startRestHarness({ seedExamples: true });
});
afterAll(async () => api?.stop());

type Operation = { operationId: string; responses: Record<string, unknown>; parameters?: { name: string; in: string }[] };

function operations(document: OpenApiDocument): [string, string, Operation][] {
  return Object.entries(document.paths).flatMap(([p, item]) => Object.entries(item).map(([method, op]) => [p, method, op as Operation] as [string, string, Operation]));
}

describe("the OpenAPI document", () => {
  it("is what GET /api/v1/openapi.json serves, and a valid OpenAPI 3.1 document", async () => {
    const reply = await api.call<OpenApiDocument>("GET", "/api/v1/openapi.json");
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe("3.1.0");
    expect(reply.body.info.version).toBe(api.app.config.version);
    const validator = new Validator();
    const result = await validator.validate(reply.body as unknown as Record<string, unknown>);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists every route of restRoutes once, with a unique operationId", () => {
    const document = openApiDocument();
    const listed = operations(document).map(([p, method]) => `${method.toUpperCase()} ${p}`);
    expect(listed.sort()).toEqual(restRoutes.map((r) => `${r.method} ${r.path}`).sort());
    const ids = operations(document).map(([, , op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("documents the error envelope on every operation, and the bearer key scheme", () => {
    const document = openApiDocument();
    for (const [p, method, op] of operations(document)) {
      expect(op.responses["500"], `${method} ${p}`).toMatchObject({ content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
    }
    expect(document.components.schemas.Error).toMatchObject({ type: "object", required: ["error"] });
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("the segment contract is a named component: the body of POST /segments and the segment in GET /segments/{id}", () => {
    const document = openApiDocument();
    const post = document.paths["/api/v1/segments"]?.post as { requestBody: { required: boolean; content: Record<string, { schema: unknown }> } };
    expect(post.requestBody.required).toBe(true);
    expect(post.requestBody.content["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/SegmentInput" });
    expect(document.components.schemas.SegmentResource).toMatchObject({ properties: { segment: { $ref: "#/components/schemas/Segment" } } });
    // What a user writes may leave out the defaulted fields; what the API answers has them.
    expect(document.components.schemas.SegmentInput?.required).toEqual(["segment_id", "name", "entrypoint", "steps"]);
    expect(document.components.schemas.Segment?.required).toContain("version");
  });

  it("path parameters and query parameters come from the specs' schemas", () => {
    const get = openApiDocument().paths["/api/v1/segments/{id}"]?.get as Operation;
    expect(get.parameters).toEqual([
      expect.objectContaining({ name: "id", in: "path", required: true }),
      expect.objectContaining({ name: "revision", in: "query", required: false, schema: expect.objectContaining({ type: "integer", minimum: 1 }) }),
    ]);
  });

  it("every route is served by a Next route file exporting its method", async () => {
    for (const spec of restRoutes) {
      const folder = spec.path.replace(/\{([^}]+)\}/g, "[$1]");
      const file = path.join("src/app", folder, "route.ts");
      expect(existsSync(file), `${spec.method} ${spec.path} needs ${file}`).toBe(true);
      const module = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      expect(typeof module[spec.method], `${file} must export ${spec.method} = toNextHandler(...)`).toBe("function");
      expect(module.dynamic, `${file} must export dynamic = "force-dynamic"`).toBe("force-dynamic");
    }
  });
});

describe("docs/contracts/api-reference.md", () => {
  it("the routes table lists every route of restRoutes", () => {
    const markdown = readFileSync("docs/contracts/api-reference.md", "utf8");
    for (const spec of restRoutes) {
      expect(markdown, `add a row "| ${spec.method} | \`${spec.path}\` | … |" to docs/contracts/api-reference.md`).toContain(`| ${spec.method} | \`${spec.path}\` |`);
    }
  });
});

describe("live answers match the document", () => {
  // Each call below is validated against the document by the harness; the assertions here only
  // make sure the intended answer (status) was the one checked.
  it("segments: 201, 200, 422, 400, 413, 404, 409, 204", async () => {
    const doc = sampleSegment({ segment_id: "contract-flow" });
    expect((await api.call("POST", "/api/v1/segments", { body: doc })).status).toBe(201);
    expect((await api.call("POST", "/api/v1/segments", { body: doc })).status).toBe(200);
    expect((await api.call("POST", "/api/v1/segments", { body: { ...doc, steps: "none" } })).status).toBe(422);
    expect((await api.call("POST", "/api/v1/segments", { rawBody: "{nope" })).status).toBe(400);
    await api.withConfig({ maxBodyMb: 0.001 }, async () => {
      expect((await api.call("POST", "/api/v1/segments", { body: { ...doc, description: "x".repeat(4096) } })).status).toBe(413);
    });
    expect((await api.call("GET", "/api/v1/segments?limit=2")).status).toBe(200);
    expect((await api.call("GET", "/api/v1/segments?limit=-1")).status).toBe(422);
    expect((await api.call("GET", "/api/v1/segments/contract-flow")).status).toBe(200);
    expect((await api.call("GET", "/api/v1/segments/contract-flow?revision=1")).status).toBe(200);
    expect((await api.call("GET", "/api/v1/segments/article-writer")).status).toBe(200);
    expect((await api.call("GET", "/api/v1/segments/contract-flow?revision=7")).status).toBe(404);
    expect((await api.call("GET", "/api/v1/segments/contract-flow?revision=x")).status).toBe(422);
    expect((await api.call("DELETE", "/api/v1/segments/contract-flow?force=1")).status).toBe(422);
    const run = await startRun(api.services, { segment_id: "article-writer", input: { topic: "Contracts" } });
    await eventually("run waiting", async () => ((await getRun(api.services, run)).status === "waiting" ? true : undefined));
    expect((await api.call("DELETE", "/api/v1/segments/article-writer")).status).toBe(409);
    expect((await api.call("DELETE", "/api/v1/segments/contract-flow")).status).toBe(204);
    expect((await api.call("DELETE", "/api/v1/segments/contract-flow")).status).toBe(404);
  });

  it("catalog and health: 200", async () => {
    const catalog = await api.call<{ type_id: string }[]>("GET", "/api/v1/catalog");
    expect(catalog.status).toBe(200);
    expect(catalog.body.map((t) => t.type_id)).toContain("llm_agent");
    const health = await api.call("GET", "/api/v1/health");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: "ok", db: "pglite", queue: "inline" });
  });

  it("health: 503 naming the failing part when the database does not answer", async () => {
    const db = { ...api.app.db, ping: () => Promise.reject(new Error("connection refused")) };
    await api.withAppContext({ db }, async () => {
      const reply = await api.call("GET", "/api/v1/health");
      expect(reply.status).toBe(503);
      expect(reply.body).toMatchObject({ status: "error", problems: [{ component: "db", message: "database unreachable: connection refused" }] });
    });
  });

  it("an answer that breaks the document is caught: the check is not a formality", async () => {
    const { expectDocumentedReply } = await import("./support");
    const spec = restRoutes.find((r) => r.path === "/api/v1/segments" && r.method === "POST");
    if (!spec) throw new Error("POST /api/v1/segments is not in restRoutes");
    const reply = (status: number, body: unknown) => ({ status, body, text: JSON.stringify(body), headers: new Headers({ "content-type": "application/json" }) });
    expect(() => expectDocumentedReply(spec, reply(201, { segment_id: "x" }))).toThrow(/does not match the documented schema/);
    expect(() => expectDocumentedReply(spec, reply(404, { error: { code: "not_found", message: "x" } }))).toThrow(/not documented/);
    expect(() => expectDocumentedReply(spec, reply(422, { message: "flat" }))).toThrow(/does not match/);
    expect(() => expectDocumentedReply(spec, reply(201, { segment_id: "x", revision: 1 }))).not.toThrow();
  });
});

describe("unknown /api/v1 paths", () => {
  it("answer the JSON 404 envelope naming the method and path, for every method", async () => {
    const { unknownRouteHandler } = await import("../../src/server/rest/unknown-route");
    for (const method of ["GET", "POST", "DELETE"]) {
      const response = unknownRouteHandler(new Request("http://llmteam.test/api/v1/no/such/route?x=1", { method }));
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("not_found");
      expect(body.error.message).toContain(`${method} /api/v1/no/such/route`);
      expect(body.error.message).toContain("/api/v1/openapi.json");
    }
  });
});
