// MCP against the running production server (the one Playwright spawns): the SDK's own Client
// over real Streamable HTTP to /api/mcp. Tools listed, a segment saved over REST and run through
// MCP with its output, the approval round trip, tool errors, and 405 for GET (stateless).
// (tests/mcp checks the same tools at the route-handler level and over stdio.)
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect, test } from "@playwright/test";
import { E2E_BOOTSTRAP_KEY } from "../credentials";
import { uniqueName } from "../segments/support";

/** Agents authenticate with an API key (the server runs with access control on). */
const asAgent = { authorization: `Bearer ${E2E_BOOTSTRAP_KEY}` };

const idOf = (prefix: string) => uniqueName(prefix).toLowerCase().replace(/[^a-z0-9]+/g, "-");
const text = (result: CallToolResult) => result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

test("MCP over HTTP: tools, run with wait, approval round trip, tool errors", async ({ request, baseURL }) => {
  const id = idOf("mcp review");
  const doc = {
    segment_id: id,
    name: id,
    entrypoint: "draft",
    steps: [
      { step_id: "draft", type: "transform", config: { expression: '{ "title": input.topic }' } },
      { step_id: "check", type: "human_approval", config: { title: "Approve the title", form: { type: "object", properties: { title: { type: "string" } } } } },
      { step_id: "publish", type: "transform", config: { expression: '{ "title": step_input.data.title }' } },
    ],
    edges: [
      { from_step: "draft", to_step: "check" },
      { from_step: "check", to_step: "publish" },
    ],
  };
  expect((await request.post("/api/v1/segments", { data: doc, headers: asAgent })).status()).toBe(201);

  const client = new Client({ name: "llmteam-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL("/api/mcp", baseURL), { requestInit: { headers: asAgent } }));
  try {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["decide_approval", "get_catalog", "get_run", "list_pending_approvals", "list_segments", "run_segment"]);

    const listed = (await client.callTool({ name: "list_segments", arguments: {} })) as CallToolResult;
    expect(text(listed)).toContain(id);

    const waiting = (await client.callTool({ name: "run_segment", arguments: { segment_id: id, input: { topic: "Durable" }, wait: 30 } })) as CallToolResult;
    const run = waiting.structuredContent as { run_id: string; status: string; pending_approvals: { approval_id: string }[] };
    expect(run.status, text(waiting)).toBe("waiting");
    const approvalId = run.pending_approvals[0]!.approval_id;

    const decided = (await client.callTool({
      name: "decide_approval",
      arguments: { approval_id: approvalId, decision: "approve", data: { title: "Durable runs" }, wait: 30 },
    })) as CallToolResult;
    expect(decided.isError, text(decided)).toBeFalsy();
    expect((decided.structuredContent as { run: { status: string; output: unknown } }).run).toMatchObject({ status: "completed", output: { title: "Durable runs" } });

    const twice = (await client.callTool({ name: "decide_approval", arguments: { approval_id: approvalId, decision: "approve" } })) as CallToolResult;
    expect(twice.isError).toBe(true);
    expect(text(twice)).toContain("conflict");
    const unknown = (await client.callTool({ name: "run_segment", arguments: { segment_id: "no-such-segment" } })) as CallToolResult;
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toContain("not_found");
  } finally {
    await client.close();
  }

  const get = await request.get("/api/mcp", { headers: { accept: "text/event-stream" } });
  expect(get.status()).toBe(405);
});
