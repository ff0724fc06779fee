// The MCP tools over Streamable HTTP (/api/mcp), driven by the SDK's own Client against the real
// route handler, app context and engine on an embedded database: the six tools and their input
// schemas, run with wait, the approval round trip with edited data, approve-twice and unknown
// ids as tool errors, invalid input listing its problems, 401 with WWW-Authenticate, GET/DELETE.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/server/services/errors";
import type { ApprovalView, RunView } from "../../src/server/mcp/views";
import { MCP_URL, startMcpHarness, textOf, type McpHarness } from "./support";

const chain = {
  segment_id: "mcp-chain",
  name: "MCP chain",
  description: "Doubles n, then adds one",
  entrypoint: "double",
  input_schema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
  steps: [
    { step_id: "double", type: "transform", config: { expression: "{ 'n': input.n * 2 }" } },
    { step_id: "inc", type: "transform", config: { expression: "{ 'n': step_input.n + 1 }" } },
  ],
  edges: [{ from_step: "double", to_step: "inc" }],
};

const review = {
  segment_id: "mcp-review",
  name: "MCP review",
  entrypoint: "draft",
  steps: [
    { step_id: "draft", type: "transform", config: { expression: '{ "title": input.topic }' } },
    {
      step_id: "check",
      type: "human_approval",
      config: {
        title: "Approve the title",
        form: { type: "object", properties: { title: { type: "string", minLength: 3 } }, required: ["title"] },
      },
    },
    { step_id: "publish", type: "transform", config: { expression: '{ "decision": step_input.decision, "title": step_input.data.title }' } },
  ],
  edges: [
    { from_step: "draft", to_step: "check" },
    { from_step: "check", to_step: "publish" },
  ],
};

/** A delay longer than the progress interval (5 s), then a transform. */
const slow = {
  segment_id: "mcp-slow",
  name: "MCP slow",
  entrypoint: "wait",
  steps: [
    { step_id: "wait", type: "delay", config: { seconds: 6 } },
    { step_id: "done", type: "transform", config: { expression: "{ 'done': true }" } },
  ],
  edges: [{ from_step: "wait", to_step: "done" }],
};

let mcp: McpHarness;
let client: Client;

beforeAll(async () => {
  mcp = await startMcpHarness();
  await mcp.save(chain);
  await mcp.save(review);
  await mcp.save(slow);
  client = await mcp.connect();
});
afterAll(async () => mcp?.stop());

const call = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;

async function callOk<T>(name: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = await call(name, args);
  expect(result.isError, textOf(result)).toBeFalsy();
  expect(result.structuredContent).toBeDefined();
  return result.structuredContent as T;
}

describe("tools", () => {
  it("lists the six tools, each with a description and an object input schema", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      ["decide_approval", "get_catalog", "get_run", "list_pending_approvals", "list_segments", "run_segment"].sort(),
    );
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(30);
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type).toBe("object");
    }
    const run = tools.find((t) => t.name === "run_segment");
    expect(run?.inputSchema.required).toEqual(["segment_id"]);
    expect(Object.keys(run?.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(["segment_id", "input", "wait"]));
  });

  it("list_segments shows each segment with its input schema", async () => {
    const { segments } = await callOk<{ segments: { segment_id: string; revision: number; input_schema: unknown; description: string }[] }>("list_segments");
    const found = segments.find((s) => s.segment_id === "mcp-chain");
    expect(found).toMatchObject({ revision: 1, description: "Doubles n, then adds one", input_schema: chain.input_schema });
  });

  it("get_catalog lists the step types, or one of them", async () => {
    const all = await callOk<{ step_types: { type_id: string }[] }>("get_catalog");
    expect(all.step_types.map((t) => t.type_id)).toEqual(expect.arrayContaining(["transform", "human_approval", "llm_agent"]));
    const one = await callOk<{ step_types: { type_id: string; config_schema: unknown }[] }>("get_catalog", { type_id: "transform" });
    expect(one.step_types).toHaveLength(1);
    expect(one.step_types[0]?.config_schema).toBeTypeOf("object");
    const unknown = await call("get_catalog", { type_id: "trnsform" });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain("not_found");
  });
});

describe("run_segment", () => {
  it("with wait returns the completed run and its output", async () => {
    const result = await call("run_segment", { segment_id: "mcp-chain", input: { n: 20 }, wait: 30 });
    expect(result.isError, textOf(result)).toBeFalsy();
    const run = result.structuredContent as RunView;
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ n: 41 });
    expect(run.wait_timed_out).toBe(false);
    expect(run.steps.map((s) => [s.step_id, s.status])).toEqual(expect.arrayContaining([["double", "completed"], ["inc", "completed"]]));
    expect(textOf(result)).toContain("is completed");
  });

  it("without wait returns the run id at once, and get_run follows it", async () => {
    const started = await callOk<RunView>("run_segment", { segment_id: "mcp-chain", input: { n: 1 } });
    expect(started.run_id).toEqual(expect.any(String));
    const done = await callOk<RunView>("get_run", { run_id: started.run_id, wait: 30, include_step_outputs: true });
    expect(done.status).toBe("completed");
    expect(done.output).toEqual({ n: 3 });
    expect(done.steps.find((s) => s.step_id === "double")?.output).toEqual({ n: 2 });
  });

  it("a wait that runs out returns the run still in progress; get_run waits on, sending progress notifications", async () => {
    const started = await callOk<RunView>("run_segment", { segment_id: "mcp-slow", wait: 0.5 });
    expect(started.status).toBe("running");
    expect(started.wait_timed_out).toBe(true);
    expect(textOf(await call("get_run", { run_id: started.run_id }))).toContain("get_run");

    const progress: { progress: number; total?: number }[] = [];
    const result = (await client.callTool({ name: "get_run", arguments: { run_id: started.run_id, wait: 30 } }, undefined, {
      onprogress: (p) => progress.push(p),
      resetTimeoutOnProgress: true,
    })) as CallToolResult;
    expect(result.isError, textOf(result)).toBeFalsy();
    expect((result.structuredContent as RunView).status).toBe("completed");
    expect((result.structuredContent as RunView).output).toEqual({ done: true });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toMatchObject({ total: 30 });
  }, 30_000);

  it("unknown segment is a tool error saying so", async () => {
    const result = await call("run_segment", { segment_id: "no-such-segment", wait: 5 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/not_found.*no-such-segment/s);
  });

  it("input not matching the segment's input_schema lists the problems and starts nothing", async () => {
    const result = await call("run_segment", { segment_id: "mcp-chain", input: { n: "many" } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("invalid_data");
    expect(textOf(result)).toContain("n");
  });

  it("arguments not matching the tool's schema are a tool error", async () => {
    const result = await call("run_segment", { segment_id: "mcp-chain", wait: 10_000 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/wait/);
  });
});

describe("approvals", () => {
  it("waiting run → pending approval → approve with edited data → completed with the edited data; deciding twice is a conflict", async () => {
    const waiting = await callOk<RunView>("run_segment", { segment_id: "mcp-review", input: { topic: "Durable runs" }, wait: 30 });
    expect(waiting.status).toBe("waiting");
    expect(waiting.pending_approvals).toHaveLength(1);

    const { approvals } = await callOk<{ approvals: ApprovalView[] }>("list_pending_approvals", { run_id: waiting.run_id });
    expect(approvals).toHaveLength(1);
    const approval = approvals[0]!;
    expect(approval).toMatchObject({ run_id: waiting.run_id, step_id: "check", title: "Approve the title", data: { title: "Durable runs" } });
    const all = await callOk<{ approvals: ApprovalView[] }>("list_pending_approvals");
    expect(all.approvals.map((a) => a.approval_id)).toContain(approval.approval_id);

    const invalid = await call("decide_approval", { approval_id: approval.approval_id, decision: "approve", data: { title: "x" } });
    expect(invalid.isError).toBe(true);
    expect(textOf(invalid)).toContain("invalid_data");
    expect(textOf(invalid)).toMatch(/title/);

    const decided = await callOk<{ approval: ApprovalView; run: RunView }>("decide_approval", {
      approval_id: approval.approval_id,
      decision: "approve",
      data: { title: "Durable runs, explained" },
      comment: "clearer",
    });
    expect(decided.approval).toMatchObject({ status: "approved", edited: true, result: { title: "Durable runs, explained" } });

    const run = await callOk<RunView>("get_run", { run_id: waiting.run_id, wait: 30 });
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ decision: "approved", title: "Durable runs, explained" });
    expect(run.pending_approvals).toEqual([]);

    const twice = await call("decide_approval", { approval_id: approval.approval_id, decision: "reject", comment: "too late" });
    expect(twice.isError).toBe(true);
    expect(textOf(twice)).toContain("conflict");
    expect(textOf(twice).toLowerCase()).toContain("already");
  });

  it("reject with a comment, waiting for the run in the same call", async () => {
    const waiting = await callOk<RunView>("run_segment", { segment_id: "mcp-review", input: { topic: "Rejected" }, wait: 30 });
    const approvalId = waiting.pending_approvals[0]!.approval_id;
    const decided = await callOk<{ approval: ApprovalView; run: RunView }>("decide_approval", {
      approval_id: approvalId,
      decision: "reject",
      comment: "off topic",
      wait: 30,
    });
    expect(decided.approval).toMatchObject({ status: "rejected", comment: "off topic" });
    expect(["completed", "failed", "cancelled"]).toContain(decided.run.status);
  });

  it("unknown ids are tool errors", async () => {
    const approval = await call("decide_approval", { approval_id: "nope", decision: "approve" });
    expect(approval.isError).toBe(true);
    expect(textOf(approval)).toContain("not_found");
    const run = await call("get_run", { run_id: "nope" });
    expect(run.isError).toBe(true);
    expect(textOf(run)).toContain("not_found");
  });
});

describe("HTTP", () => {
  it("GET and DELETE answer 405 (stateless endpoint)", async () => {
    for (const method of ["GET", "DELETE"]) {
      const response = await mcp.handler(new Request(MCP_URL, { method, headers: { accept: "text/event-stream" } }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
    }
  });

  it("a refused credential is a 401 with WWW-Authenticate: Bearer; an accepted one is who runs and decides; run starts pass the hook", async () => {
    const hooked: string[] = [];
    const locked = await startMcpHarness({
      resolvePrincipal: async ({ headers }) => {
        const auth = headers instanceof Headers ? headers.get("authorization") : undefined;
        if (auth === "Bearer good") return { id: "agent", kind: "owner", displayName: "Agent", credential: { kind: "api_key", id: "key-1" } };
        throw new AppError("unauthorized", "Sign in or send an API key (Authorization: Bearer <key>)");
      },
      beforeRunStart: async (principal) => {
        hooked.push(principal.id);
        if (hooked.length > 1) throw new AppError("unavailable", "Too many run starts: retry in 60 seconds");
      },
    });
    try {
      const response = await locked.handler(
        new Request(MCP_URL, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
        }),
      );
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
      await expect(locked.connect()).rejects.toThrow();

      const authed = await locked.connect({ headers: { authorization: "Bearer good" } });
      const { tools } = await authed.listTools();
      expect(tools).toHaveLength(6);

      await locked.save(review);
      const started = (await authed.callTool({ name: "run_segment", arguments: { segment_id: "mcp-review", input: { topic: "Hooks" }, wait: 30 } })) as CallToolResult;
      expect(started.isError, textOf(started)).toBeFalsy();
      expect(hooked).toEqual(["agent"]);
      const approvalId = (started.structuredContent as RunView).pending_approvals[0]!.approval_id;
      const decided = (await authed.callTool({ name: "decide_approval", arguments: { approval_id: approvalId, decision: "approve" } })) as CallToolResult;
      expect((decided.structuredContent as { approval: ApprovalView }).approval.decided_by).toBe("agent");

      const refused = (await authed.callTool({ name: "run_segment", arguments: { segment_id: "mcp-review", input: { topic: "Again" } } })) as CallToolResult;
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toContain("Too many run starts");
      const runs = await locked.services.repos.runs.list({ segmentId: "mcp-review", limit: 10 });
      expect(runs.items).toHaveLength(1);
    } finally {
      await locked.stop();
    }
  });
});
