// REST API test harness: boots the app context (fresh PGlite, engine runtime) as the server does,
// then calls the Next route handlers of the specs in restRoutes with real Request objects, the
// way Next.js calls them. `call("GET", "/api/v1/segments/abc?revision=2")` finds the spec whose
// path template matches, passes the path parameters like Next (decoded), and reads the answer.
// Every answer is also checked against the OpenAPI document (status documented, body matching
// the documented schema): a route whose answers drift from its spec fails every test using it.
//
//   const api = await startRestHarness();          // in beforeAll
//   const reply = await api.call("POST", "/api/v1/segments", { body: doc });
//   expectError(reply, 422, "invalid_segment");
//   await api.stop();                              // in afterAll
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { setAppContext, type AppContext } from "../../src/server/app-context";
import { LOCAL_OWNER } from "../../src/server/auth/principal";
import type { Config } from "../../src/server/config/env";
import { toNextHandler, type AnyRouteSpec, type HttpMethod } from "../../src/server/rest/define-route";
import type { RestErrorBody } from "../../src/server/rest/errors";
import { buildOpenApiDocument, type OpenApiDocument } from "../../src/server/rest/openapi";
import { restRoutes } from "../../src/server/rest/routes";
import type { RunServiceContext } from "../../src/server/services/context";
import { seedExamples } from "../../src/server/seed/seed-examples";
import { testAppContext } from "../helpers/app-context";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";

export const BASE_URL = "http://llmteam.test";

export type CallOptions = {
  /** Sent as JSON (`Content-Type: application/json`). */
  body?: unknown;
  /** Sent as is, for malformed or oversized bodies; a stream is sent without Content-Length. */
  rawBody?: string | Uint8Array | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  /** Default true: the reply must match what the OpenAPI document says this route answers. */
  contract?: boolean;
};

export type RestReply<T = unknown> = {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined when the body is empty; the text when it isn't JSON. */
  body: T;
  text: string;
};

export type RestHarness = {
  app: AppContext;
  /** The services as the routes call them (local owner), to set up data without HTTP. */
  services: RunServiceContext;
  call<T = unknown>(method: HttpMethod, pathAndQuery: string, options?: CallOptions): Promise<RestReply<T>>;
  /** Runs `fn` with parts of the app context replaced (e.g. a `db` whose ping fails), then restores it. */
  withAppContext<R>(patch: Partial<AppContext>, fn: () => Promise<R>): Promise<R>;
  /** Runs `fn` with some settings changed (e.g. `{maxBodyMb: 0.01}`), then restores them. */
  withConfig<R>(patch: Partial<Config>, fn: () => Promise<R>): Promise<R>;
  stop(): Promise<void>;
};

type MatchedRoute = { spec: AnyRouteSpec; params: Record<string, string> };

function templateRegex(template: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (part.startsWith("{") && part.endsWith("}")) {
        names.push(part.slice(1, -1));
        return "([^/]+)";
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return { regex: new RegExp(`^${pattern}$`), names };
}

/** The spec serving `method pathname`, with its path parameters; `allowed` lists the methods of a known path. */
export function matchRoute(method: string, pathname: string, routes: readonly AnyRouteSpec[] = restRoutes): MatchedRoute | { allowed: string[] } | null {
  const allowed: string[] = [];
  for (const spec of routes) {
    const { regex, names } = templateRegex(spec.path);
    const match = regex.exec(pathname);
    if (!match) continue;
    if (spec.method !== method) {
      allowed.push(spec.method);
      continue;
    }
    const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
    return { spec, params };
  }
  return allowed.length > 0 ? { allowed } : null;
}

function requestInit(method: HttpMethod, options: CallOptions): RequestInit {
  const headers = new Headers(options.headers);
  let body: RequestInit["body"];
  if (options.rawBody !== undefined) {
    body = options.rawBody as BodyInit;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  // Streams need duplex "half" in Node's fetch implementation (not in the DOM typings).
  return { method, headers, ...(body === undefined ? {} : { body, duplex: "half" }) } as RequestInit;
}

async function readReply<T>(response: Response): Promise<RestReply<T>> {
  const text = await response.text();
  let body: unknown = undefined;
  if (text !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: response.headers, body: body as T, text };
}

// ---------------------------------------------------------------------------------------------
// Contract: every reply a test receives is checked against the OpenAPI document, so each REST
// test is also a test that the document tells the truth (status documented, body valid).

const DOCUMENT_ID = "https://llmteam.test/openapi.json";
let contract: { document: OpenApiDocument; ajv: Ajv2020; validators: Map<string, ValidateFunction> } | undefined;

/** The OpenAPI document of restRoutes, as /api/v1/openapi.json serves it. */
export function openApiDocument(): OpenApiDocument {
  contract ??= (() => {
    const document = buildOpenApiDocument(restRoutes, { version: "test" });
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...document, $id: DOCUMENT_ID });
    return { document, ajv, validators: new Map() };
  })();
  return contract.document;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Fails (with the schema errors) when `reply` is not what the document says `spec` answers. */
export function expectDocumentedReply(spec: AnyRouteSpec, reply: RestReply): void {
  const document = openApiDocument();
  const where = `${spec.method} ${spec.path} → ${reply.status}`;
  const operation = document.paths[spec.path]?.[spec.method.toLowerCase()] as
    | { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }
    | undefined;
  const documented = operation?.responses[String(reply.status)];
  if (!documented) throw new Error(`${where}: this status is not documented for the route (add it to the spec's responses)`);
  const mediaType = (reply.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  if (!documented.content) {
    if (reply.text !== "") throw new Error(`${where}: documented without a body, but answered ${reply.text.slice(0, 200)}`);
    return;
  }
  const media = documented.content[mediaType];
  if (!media) throw new Error(`${where}: answered ${mediaType || "no content type"}, documented ${Object.keys(documented.content).join(", ")}`);
  if (!media.schema || mediaType !== "application/json") return;
  const ref = `${DOCUMENT_ID}#/${pointer("paths", spec.path, spec.method.toLowerCase(), "responses", String(reply.status), "content", mediaType, "schema")}`;
  let validate = contract?.validators.get(ref);
  if (!validate) {
    validate = contract?.ajv.getSchema(ref);
    if (!validate) throw new Error(`${where}: no schema at ${ref}`);
    contract?.validators.set(ref, validate);
  }
  if (!validate(reply.body)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
    throw new Error(`${where}: the body does not match the documented schema:\n  ${problems.join("\n  ")}\nbody: ${reply.text.slice(0, 500)}`);
  }
}

/** Calls the route handler of `method path` as Next.js would; no spec for the path is a test bug and throws. */
export async function callRoute<T = unknown>(method: HttpMethod, pathAndQuery: string, options: CallOptions = {}): Promise<RestReply<T>> {
  const url = new URL(pathAndQuery, BASE_URL);
  const found = matchRoute(method, url.pathname);
  if (!found) throw new Error(`No REST route serves ${method} ${url.pathname} (restRoutes in src/server/rest/routes/index.ts)`);
  if ("allowed" in found) {
    // What Next answers for a method the route file does not export.
    return readReply<T>(new Response(null, { status: 405, headers: { allow: found.allowed.join(", ") } }));
  }
  const request = new Request(url, requestInit(method, options));
  const response = await toNextHandler(found.spec)(request, { params: Promise.resolve(found.params) });
  const reply = await readReply<T>(response);
  if (options.contract !== false) expectDocumentedReply(found.spec, reply);
  return reply;
}

export async function startRestHarness(options: { seedExamples?: boolean } = {}): Promise<RestHarness> {
  const database: TestDatabase = await openTestDatabase("pglite");
  let app = testAppContext(database);
  setAppContext(app);
  const services: RunServiceContext = { repos: database.db.repos, principal: LOCAL_OWNER, engine: app.runtime.engine };
  if (options.seedExamples) await seedExamples(services);
  const harness: RestHarness = {
    get app() {
      return app;
    },
    services,
    call: callRoute,
    async withAppContext(patch, fn) {
      const original = app;
      app = { ...original, ...patch };
      setAppContext(app);
      try {
        return await fn();
      } finally {
        app = original;
        setAppContext(original);
      }
    },
    withConfig(patch, fn) {
      return harness.withAppContext({ config: Object.freeze({ ...app.config, ...patch }) }, fn);
    },
    async stop() {
      await app.runtime.stop();
      setAppContext(undefined);
      await database.cleanup();
    },
  };
  return harness;
}

/** Asserts the error envelope: status, code, a message, and nothing else at the top level. */
export function expectError(reply: RestReply, status: number, code: string): RestErrorBody["error"] {
  expect(reply.status, `expected ${status} ${code}, got ${reply.status}: ${reply.text}`).toBe(status);
  const body = reply.body as RestErrorBody;
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  expect(body.error.message.length).toBeGreaterThan(0);
  // Never a stack trace or an internal path in what the client sees.
  expect(reply.text).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|\/src\//);
  return body.error;
}

/** Polls until `check` returns a value (not undefined), failing with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
