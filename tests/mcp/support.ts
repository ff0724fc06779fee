// MCP test harness: boots the app context on a fresh PGlite (as tests/rest do) and connects the
// SDK's own Client to the real /api/mcp route handler. The client's fetch hands each request to
// the handler exactly as Next.js would (a Request in, a Response out, SSE bodies streamed).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { setAppContext, type AppContext } from "../../src/server/app-context";
import { LOCAL_OWNER, type Principal, type RequestCredentials } from "../../src/server/auth/principal";
import { createMcpHttpHandler } from "../../src/server/mcp/http";
import type { RunServiceContext } from "../../src/server/services/context";
import { saveSegmentRevision } from "../../src/server/services/save-segment-revision";
import { testAppContext } from "../helpers/app-context";
import { openTestDatabase } from "../helpers/test-database";

export const MCP_URL = "http://llmteam.test/api/mcp";

export type McpHarness = {
  app: AppContext;
  services: RunServiceContext;
  handler: (request: Request) => Promise<Response>;
  connect(options?: { headers?: Record<string, string> }): Promise<Client>;
  save(document: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
};

export async function startMcpHarness(
  options: { resolvePrincipal?: (request: RequestCredentials) => Promise<Principal>; beforeRunStart?: (principal: Principal) => Promise<void> } = {},
): Promise<McpHarness> {
  const database = await openTestDatabase("pglite");
  const app = testAppContext(database);
  setAppContext(app);
  const services: RunServiceContext = { repos: database.db.repos, principal: LOCAL_OWNER, engine: app.runtime.engine };
  const handler = createMcpHttpHandler({
    ...(options.resolvePrincipal ? { resolvePrincipal: options.resolvePrincipal } : {}),
    ...(options.beforeRunStart ? { beforeRunStart: options.beforeRunStart } : {}),
  });
  const clients: Client[] = [];
  return {
    app,
    services,
    handler,
    async connect({ headers } = {}) {
      const transport = new StreamableHTTPClientTransport(new URL(MCP_URL), {
        fetch: (url, init) => handler(new Request(url, init)),
        ...(headers ? { requestInit: { headers } } : {}),
      });
      const client = new Client({ name: "llmteam-test", version: "1.0.0" });
      await client.connect(transport);
      clients.push(client);
      return client;
    },
    async save(document) {
      await saveSegmentRevision(services, { document });
    },
    async stop() {
      await Promise.all(clients.map((c) => c.close().catch(() => {})));
      await app.runtime.stop();
      setAppContext(undefined);
      await database.cleanup();
    },
  };
}

/** The text of a tool result (all its text parts). */
export function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
}
