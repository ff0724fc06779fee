// The MCP endpoint over Streamable HTTP (/api/mcp), stateless: every POST gets a new server and
// transport, so any server instance can answer any request and nothing is kept between them.
// Without sessions there is no stream to resume and nothing to delete: GET and DELETE answer
// 405, as the MCP spec allows for a server that offers no standalone SSE stream.
// Who is asking is decided as for every REST route (resolvePrincipal); a refused credential is
// a 401 with `WWW-Authenticate: Bearer` before any MCP message is read.
import { assertSameOriginIfCookie } from "../auth/same-origin";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { getAppContext, type AppContext } from "../app-context";
import { resolvePrincipal, type Principal, type RequestCredentials } from "../auth/principal";
import { errorResponse, toErrorResponse } from "../rest/errors";
import { AppError } from "../services/errors";
import { beforeRunStart, type McpContext } from "./context";
import { createMcpServer } from "./create-mcp-server";
import { trackAdvances } from "./run-wait";

export type McpHttpOptions = {
  /** Default: the booted server's context. */
  getApp?: () => AppContext;
  /** Default: resolvePrincipal from src/server/auth/principal.ts. */
  resolvePrincipal?: (request: RequestCredentials) => Promise<Principal>;
  /** Default: beforeRunStart from ./context (the run-start rate limit). */
  beforeRunStart?: McpContext["beforeRunStart"];
};

function methodNotAllowed(): Response {
  return Response.json(
    { jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed: this MCP endpoint is stateless; send JSON-RPC messages with POST" }, id: null },
    { status: 405, headers: { allow: "POST", "cache-control": "no-store" } },
  );
}

/** The route handler of /api/mcp for every method. */
export function createMcpHttpHandler(options: McpHttpOptions = {}) {
  const getApp = options.getApp ?? getAppContext;
  const principalOf = options.resolvePrincipal ?? resolvePrincipal;
  const runStartHook = options.beforeRunStart ?? beforeRunStart;
  return async function handleMcpRequest(request: Request): Promise<Response> {
    if (request.method !== "POST") return methodNotAllowed();
    let principal: Principal;
    let app: AppContext;
    try {
      app = getApp();
    } catch (error) {
      return errorResponse(503, "unavailable", error instanceof Error ? error.message : "The server is not started");
    }
    try {
      principal = await principalOf({ headers: request.headers });
      // Agents send a key; a browser's session cookie only counts from the app's own pages (CSRF).
      assertSameOriginIfCookie({ headers: request.headers, method: request.method, url: request.url }, principal, app.config);
    } catch (error) {
      if (error instanceof AppError && (error.code === "unauthorized" || error.code === "forbidden")) {
        const status = error.code === "unauthorized" ? 401 : 403;
        return errorResponse(status, error.code, error.message, undefined, { "www-authenticate": 'Bearer realm="llmteam"' });
      }
      return toErrorResponse(error, "POST /api/mcp");
    }
    trackAdvances(app.runtime.engine);
    const context: McpContext = {
      services: { repos: app.db.repos, principal, engine: app.runtime.engine },
      events: app.runtime.events,
      beforeRunStart: runStartHook,
    };
    const server = createMcpServer(() => context);
    // The same body limit as the REST API (LLMTEAM_MAX_BODY_MB): larger requests are a 413.
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, maxRequestBodySize: app.config.maxBodyMb * 2 ** 20 });
    await server.connect(transport);
    const response = await transport.handleRequest(request);
    // The answer (JSON, or an SSE stream) may still be being written: close once it is done.
    const release = () => void server.close().catch(() => {});
    if (!response.body) {
      release();
      return response;
    }
    return new Response(closeAfter(response.body, release), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** The same body, calling `done` once it was read to the end or cancelled. */
function closeAfter(body: ReadableStream<Uint8Array>, done: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done: finished } = await reader.read();
        if (finished) {
          controller.close();
          done();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        controller.error(error);
        done();
      }
    },
    async cancel(reason) {
      await reader.cancel(reason).catch(() => {});
      done();
    },
  });
}
