// One REST route = one spec object: method, OpenAPI path, zod schemas for params/query/body and
// responses, and a thin handler calling the same service as the tRPC router. The spec serves the
// Next route handler (toNextHandler) and the OpenAPI document (src/server/rest/openapi.ts).
import type { z } from "zod";
import { getAppContext, type AppContext } from "../app-context";
import { LOCAL_OWNER, resolvePrincipal, type Principal } from "../auth/principal";
import { assertSameOriginIfCookie } from "../auth/same-origin";
import { CORRELATION_HEADER, correlationIdOf } from "../observability/correlation";
import type { RunServiceContext } from "../services/context";
import { readJsonBody } from "./body";
import { invalidInput, RestError, toErrorResponse, type RequestPart } from "./errors";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type RestContext = {
  app: AppContext;
  principal: Principal;
  services: RunServiceContext;
  request: Request;
  /** X-Correlation-ID when the client sent a valid one, else generated; echoed on the response. */
  correlationId: string;
};

/** A JSON answer; handlers may also return a Response (SSE, 204, redirects). */
export type RestResult = { status: number; body?: unknown; headers?: Record<string, string> };

type AnyObject = z.ZodType<Record<string, unknown>>;

export type ResponseSpec = {
  description: string;
  /** The JSON body (omit for an empty answer such as 204; errors default to the shared envelope). */
  schema?: z.ZodType;
  /** Default `application/json`; e.g. `text/event-stream` for SSE. */
  contentType?: string;
  /** Shown in the API reference. */
  example?: unknown;
};

export type RouteSpec<P extends AnyObject | undefined, Q extends AnyObject | undefined, B extends z.ZodType | undefined> = {
  method: HttpMethod;
  /** OpenAPI-style path: `/api/v1/segments/{id}`; each `{name}` must be a key of `params`. */
  path: string;
  /** Stable camelCase name for generated clients, e.g. `listSegments` (default: derived from method and path). */
  operationId?: string;
  summary: string;
  /** Markdown, shown in the API reference. */
  description?: string;
  tags: string[];
  /**
   * "public": no credential needed even with LLMTEAM_AUTH=on (health, the OpenAPI document,
   * webhook triggers whose URL token is the credential); the handler runs as PUBLIC_PRINCIPAL
   * (as the local owner with LLMTEAM_AUTH=off).
   * Default: a session or an API key (401 without, 403 for a cross-site cookie request).
   */
  access?: "public";
  params?: P;
  query?: Q;
  body?: B;
  /**
   * What the OpenAPI document shows as the body when `body` is deliberately looser than the
   * real contract: e.g. a segment, which the service validates itself to report every problem
   * at once (422 invalid_segment) instead of zod's first few.
   */
  documentedBody?: z.ZodType;
  /** Shown in the API reference as the body example. */
  bodyExample?: unknown;
  /**
   * Status → description and (for JSON bodies) schema; errors use the shared envelope. The
   * OpenAPI document adds the errors every route can answer (422 for invalid input, 400 and
   * 413 for a body, 500), so list only the ones specific to the route (404, 409...).
   */
  responses: Record<number, ResponseSpec>;
  handler: (input: {
    ctx: RestContext;
    params: P extends z.ZodType ? z.output<P> : Record<string, never>;
    query: Q extends z.ZodType ? z.output<Q> : Record<string, never>;
    body: B extends z.ZodType ? z.output<B> : undefined;
  }) => Promise<RestResult | Response>;
};

/**
 * Any route spec, for registries (the OpenAPI document lists them all). Its handler takes
 * `never`: each spec's handler accepts only its own parsed input, which toNextHandler builds.
 */
export type AnyRouteSpec = Omit<RouteSpec<AnyObject | undefined, AnyObject | undefined, z.ZodType | undefined>, "handler"> & {
  handler: (input: never) => Promise<RestResult | Response>;
};

export function defineRoute<P extends AnyObject | undefined = undefined, Q extends AnyObject | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec<P, Q, B> {
  return spec;
}

/** Who a public route's handler acts as (e.g. the `created_by` of a run a webhook starts). */
export const PUBLIC_PRINCIPAL: Principal = Object.freeze({ id: "system:public", kind: "owner", displayName: "Public request" });

/** The principal of a request to `spec`: 401/403 (as AppError) when it may not call it. */
async function principalFor(spec: AnyRouteSpec, request: Request, app: AppContext): Promise<Principal> {
  if (spec.access === "public") return app.config.auth === "off" ? LOCAL_OWNER : PUBLIC_PRINCIPAL;
  const principal = await resolvePrincipal({ headers: request.headers });
  assertSameOriginIfCookie(request, principal, app.config);
  return principal;
}

/** The second argument Next.js passes a route handler. */
export type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) out[key] = value;
  return out;
}

function parsePart<T>(schema: z.ZodType<T>, value: unknown, part: RequestPart): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error, part);
  return result.data;
}

async function parseBody(schema: z.ZodType, request: Request, maxBytes: number): Promise<unknown> {
  const raw = await readJsonBody(request, maxBytes);
  if (raw === undefined && !schema.safeParse(undefined).success) {
    throw new RestError(422, "invalid_input", "The request body is empty: send a JSON document (Content-Type: application/json)", [
      { in: "body", path: "", message: "required" },
    ]);
  }
  return parsePart(schema, raw, "body");
}

/** The Next.js route handler of a spec: `export const POST = toNextHandler(startRunRoute)`. */
export function toNextHandler(spec: AnyRouteSpec) {
  const where = `${spec.method} ${spec.path}`;
  return async (request: Request, context: NextRouteContext): Promise<Response> => {
    const correlationId = correlationIdOf(request.headers);
    const response = await handle(request, context, correlationId);
    // Streams and redirects may come with immutable headers: copy only when needed.
    if (response.headers.get(CORRELATION_HEADER) === correlationId) return response;
    try {
      response.headers.set(CORRELATION_HEADER, correlationId);
      return response;
    } catch {
      const headers = new Headers(response.headers);
      headers.set(CORRELATION_HEADER, correlationId);
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    }
  };

  async function handle(request: Request, context: NextRouteContext, correlationId: string): Promise<Response> {
    try {
      const app = getAppContext();
      const principal = await principalFor(spec, request, app);
      const services: RunServiceContext = { repos: app.db.repos, principal, engine: app.runtime.engine };
      const params = spec.params ? parsePart(spec.params, (await context.params) ?? {}, "path") : {};
      const query = spec.query ? parsePart(spec.query, queryObject(new URL(request.url)), "query") : {};
      const body = spec.body ? await parseBody(spec.body, request, app.config.maxBodyMb * 2 ** 20) : undefined;
      // The parts were parsed with the spec's own schemas: exactly the input its handler declares.
      const input = { ctx: { app, principal, services, request, correlationId }, params, query, body };
      const result = await spec.handler(input as never);
      if (result instanceof Response) return result;
      if (result.body === undefined) return new Response(null, { status: result.status, headers: result.headers });
      return Response.json(result.body, { status: result.status, headers: { "cache-control": "no-store", ...result.headers } });
    } catch (err) {
      return toErrorResponse(err, where, correlationId);
    }
  }
}
