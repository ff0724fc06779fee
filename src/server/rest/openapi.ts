// The OpenAPI 3.1 document of REST API v1, generated from the route specs (restRoutes) and their
// zod schemas: what a route accepts and answers is written once, in its spec.
import type { AnyRouteSpec, ResponseSpec } from "./define-route";
import { OpenApiSchemas, type JsonSchema } from "./openapi-schemas";
import { restErrorBodySchema } from "./schemas/error";

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description?: string }[];
  tags: { name: string; description?: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
};

/** Tags in the order the API reference shows them; tags not listed here come after, by name. */
const TAG_DESCRIPTIONS: [string, string][] = [
  ["Segments", "Workflows as contract JSON: save revisions, list, fetch, delete."],
  ["Runs", "Start runs, follow them live (Server-Sent Events), steer them (cancel, pause, resume, re-run)."],
  ["Approvals", "The human decisions runs are waiting for."],
  ["Triggers", "Webhooks and schedules that start runs."],
  ["Catalog", "The step types a segment can use."],
  ["System", "Health and this document."],
];

const INTRO = `Everything the browser can do, a program can do too: the same services answer the web app and this API.

**Requests and answers** are JSON (\`Content-Type: application/json\`), field names in snake_case, timestamps ISO 8601 in UTC.
Request bodies larger than \`LLMTEAM_MAX_BODY_MB\` (default 10 MB) are refused.

**Errors** always have the shape \`{"error": {"code", "message", "details"?}}\`: \`message\` is a sentence for a person,
\`code\` is stable for programs, \`details\` lists every problem found. Malformed JSON is a 400, input that doesn't match
its schema a 422, an unknown id a 404, a state that doesn't allow the action a 409, a body that is too large a 413.

**Lists** are paginated with cursors: pass \`next_cursor\` back as \`?cursor=\` until it is \`null\`.

**Authentication** (when the server runs with \`LLMTEAM_AUTH=on\`, the production default): send an API key as
\`Authorization: Bearer <key>\` (create keys in the app: account menu → API keys). Without a valid key or a browser
session every route but health, this document and webhook triggers answers **401** \`unauthorized\`. A browser session
(cookie) works too, but a POST/PUT/PATCH/DELETE with it must come from the app's own pages, otherwise **403** \`forbidden\`.
With \`LLMTEAM_AUTH=off\` every request acts as the local owner: do not expose such a server to an untrusted network.`;

const JSON_TYPE = "application/json";

const errorContent = (schemas: OpenApiSchemas, example?: unknown) => ({
  [JSON_TYPE]: { schema: schemas.toSchema(restErrorBodySchema, "output"), ...(example === undefined ? {} : { example }) },
});

/** `GET /api/v1/segments/{id}` → `getSegmentsById` (specs should name theirs: `operationId`). */
export function defaultOperationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, "")
    .split("/")
    .filter(Boolean)
    .map((part) => (part.startsWith("{") ? `by-${part.slice(1, -1)}` : part))
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join("");
}

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? "");
}

function resolveRoot(schemas: OpenApiSchemas, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
    return schemas.components[ref.slice("#/components/schemas/".length)] ?? schema;
  }
  return schema;
}

function parameters(schemas: OpenApiSchemas, spec: AnyRouteSpec, where: "path" | "query") {
  const zodSchema = where === "path" ? spec.params : spec.query;
  if (!zodSchema) return [];
  const object = resolveRoot(schemas, schemas.toSchema(zodSchema, "input"));
  const required = new Set(Array.isArray(object.required) ? object.required : []);
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...schema } = typeof property === "object" ? property : {};
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(typeof description === "string" ? { description } : {}),
      schema,
    };
  });
}

function requestBody(schemas: OpenApiSchemas, spec: AnyRouteSpec) {
  if (!spec.body) return undefined;
  const documented = spec.documentedBody ?? spec.body;
  return {
    required: !documented.safeParse(undefined).success,
    content: {
      [JSON_TYPE]: {
        schema: schemas.toSchema(documented, "input"),
        ...(spec.bodyExample === undefined ? {} : { example: spec.bodyExample }),
      },
    },
  };
}

/** The errors every route may answer besides its own: invalid input, body problems, the unexpected. */
function commonErrors(spec: AnyRouteSpec): Record<number, ResponseSpec> {
  const errors: Record<number, ResponseSpec> = {};
  if (spec.body) {
    errors[400] = { description: "The body is not valid JSON (`malformed_json`)" };
    errors[413] = { description: "The body is larger than `LLMTEAM_MAX_BODY_MB` (`body_too_large`)" };
  }
  if (spec.params || spec.query || spec.body) {
    errors[422] = { description: "A parameter or the body does not match its schema (`invalid_input`, every problem in `details`)" };
  }
  if (spec.access !== "public") {
    errors[401] = { description: "No credential, an unknown or revoked API key, or an expired session (`unauthorized`); only with `LLMTEAM_AUTH=on`" };
    if (spec.method !== "GET") {
      errors[403] = { description: "Signed in with the browser's session cookie from another site (`forbidden`): send an API key instead" };
    }
  }
  errors[500] = { description: "Unexpected server error (`internal`): logged on the server, no details are sent" };
  return errors;
}

function response(schemas: OpenApiSchemas, status: number, entry: ResponseSpec) {
  // Errors answer the shared envelope unless the spec says otherwise (health's 503 is a Health).
  if (status >= 400 && !entry.schema) return { description: entry.description, content: errorContent(schemas, entry.example) };
  if (!entry.schema && !entry.contentType) return { description: entry.description };
  const media: Record<string, unknown> = {};
  if (entry.schema) media.schema = schemas.toSchema(entry.schema, "output");
  if (entry.example !== undefined) media.example = entry.example;
  return { description: entry.description, content: { [entry.contentType ?? JSON_TYPE]: media } };
}

function operation(schemas: OpenApiSchemas, spec: AnyRouteSpec) {
  const declared = new Set(pathParamNames(spec.path));
  const params = parameters(schemas, spec, "path");
  const missing = [...declared].filter((name) => !params.some((p) => p.name === name));
  if (missing.length > 0 || params.length !== declared.size) {
    throw new Error(`${spec.method} ${spec.path}: the path parameters {${[...declared].join("}, {")}} and the params schema (${params.map((p) => p.name).join(", ")}) differ`);
  }
  const all = { ...commonErrors(spec), ...spec.responses };
  const responses = Object.fromEntries(
    Object.keys(all)
      .map(Number)
      .sort((a, b) => a - b)
      .map((status) => [String(status), response(schemas, status, all[status] as ResponseSpec)]),
  );
  const body = requestBody(schemas, spec);
  return {
    operationId: spec.operationId ?? defaultOperationId(spec.method, spec.path),
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    ...(spec.access === "public" ? { security: [] } : {}),
    ...(params.length || spec.query ? { parameters: [...params, ...parameters(schemas, spec, "query")] } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

function tagList(routes: readonly AnyRouteSpec[]) {
  const used = new Set(routes.flatMap((r) => r.tags));
  const known = TAG_DESCRIPTIONS.filter(([name]) => used.has(name)).map(([name, description]) => ({ name, description }));
  const others = [...used].filter((name) => !TAG_DESCRIPTIONS.some(([known]) => known === name)).sort();
  return [...known, ...others.map((name) => ({ name }))];
}

export function buildOpenApiDocument(routes: readonly AnyRouteSpec[], options: { version: string }): OpenApiDocument {
  const schemas = new OpenApiSchemas();
  const paths: OpenApiDocument["paths"] = {};
  for (const spec of routes) {
    const item = (paths[spec.path] ??= {});
    const method = spec.method.toLowerCase();
    if (item[method]) throw new Error(`${spec.method} ${spec.path} is defined twice in restRoutes`);
    item[method] = operation(schemas, spec);
  }
  return {
    openapi: "3.1.0",
    info: { title: "LLMTeam Canvas API", version: options.version, description: INTRO },
    // Relative: the document is served by the server it describes, whatever its host name.
    servers: [{ url: "/", description: "This server" }],
    tags: tagList(routes),
    // An API key; the public routes (health, this document, webhook triggers) override it with `[]`.
    security: [{ apiKey: [] }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas.components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "An API key as a bearer token (`llmt_…`, created in the app: account menu → API keys, or LLMTEAM_BOOTSTRAP_API_KEY). Ignored when the server runs with LLMTEAM_AUTH=off.",
        },
      },
    },
  };
}
