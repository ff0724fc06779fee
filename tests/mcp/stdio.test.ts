// `llmteam mcp` end to end: the real command (node bin/llmteam.mjs mcp) spawned by the SDK's
// StdioClientTransport on a temp LLMTEAM_DATA_DIR, driven by the SDK's Client: tools listed, a
// segment run to completion in that process, a clean exit when the client closes; a second
// `llmteam mcp` on the same data directory is refused (exit 2) pointing at the HTTP endpoint.
import { spawn } from "node:child_process";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/server/db/open-database";
import type { RunView } from "../../src/server/mcp/views";
import { chainSegment, llmteam, tempDir, writeJson } from "../cli/helpers";
import { textOf } from "./support";

const BIN = path.resolve(import.meta.dirname, "../../bin/llmteam.mjs");

let data: { dir: string; cleanup: () => void };
let transport: StdioClientTransport;
let client: Client;
let stderr = "";

beforeAll(async () => {
  data = tempDir("llmteam-mcp-");
  // The segment is saved (and run once) by the CLI, as a user would before pointing an agent at it.
  const saved = await llmteam(["run", writeJson(data.dir, "chain.json", chainSegment), "--input", '{"n": 1}'], { dataDir: data.dir });
  expect(saved.code, saved.stderr).toBe(0);

  transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, "mcp"],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? data.dir, LLMTEAM_DATA_DIR: data.dir, NODE_ENV: "test" },
    stderr: "pipe",
  });
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  client = new Client({ name: "llmteam-stdio-test", version: "1.0.0" });
  await client.connect(transport);
}, 120_000);

afterAll(async () => {
  await client?.close().catch(() => {});
  data?.cleanup();
});

describe("llmteam mcp (stdio)", () => {
  it("lists the six tools", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["decide_approval", "get_catalog", "get_run", "list_pending_approvals", "list_segments", "run_segment"]);
  });

  it("runs a segment end to end and returns its output", async () => {
    const listed = (await client.callTool({ name: "list_segments", arguments: {} })) as CallToolResult;
    expect(textOf(listed)).toContain("cli-chain");
    const result = (await client.callTool({ name: "run_segment", arguments: { segment_id: "cli-chain", input: { n: 5 }, wait: 60 } })) as CallToolResult;
    expect(result.isError, `${textOf(result)}\n${stderr}`).toBeFalsy();
    const run = result.structuredContent as RunView;
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ n: 11 });
  }, 60_000);

  it("a second process on the same data directory is refused, pointing at the HTTP endpoint", async () => {
    const second = await llmteam(["mcp"], { dataDir: data.dir });
    expect(second.code).toBe(2);
    expect(second.stdout).toBe("");
    expect(second.stderr).toContain("/api/mcp");
  }, 60_000);

  it("--help prints the usage on stdout; an extra argument is a usage error", async () => {
    const help = await llmteam(["mcp", "--help"], { dataDir: data.dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: llmteam mcp");
    const extra = await llmteam(["mcp", "now"], { dataDir: data.dir });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('unexpected argument "now"');
  }, 60_000);

  it("exits cleanly when the client closes the session", async () => {
    const pid = transport.pid;
    expect(pid).not.toBeNull();
    await client.close();
    const alive = () => {
      try {
        process.kill(pid!, 0);
        return true;
      } catch {
        return false;
      }
    };
    const until = Date.now() + 10_000;
    while (alive() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive()).toBe(false);
  }, 30_000);

  it("stdin closed while a run is in progress: the run finishes before the process exits", async () => {
    const slowish = {
      version: "1.0",
      segment_id: "mcp-slowish",
      name: "MCP slowish",
      entrypoint: "wait",
      steps: [
        { step_id: "wait", type: "delay", config: { seconds: 2 } },
        { step_id: "done", type: "transform", config: { expression: "{ 'done': true }" } },
      ],
      edges: [{ from_step: "wait", to_step: "done" }],
    };
    const saved = await llmteam(["run", writeJson(data.dir, "slowish.json", slowish)], { dataDir: data.dir });
    expect(saved.code, saved.stderr).toBe(0);

    const child = spawn(process.execPath, [BIN, "mcp"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? data.dir, LLMTEAM_DATA_DIR: data.dir, NODE_ENV: "test" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let errText = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (errText += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } });
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "run_segment", arguments: { segment_id: "mcp-slowish" } } });

    const until = Date.now() + 60_000;
    const answer = () => out.split("\n").filter(Boolean).map((line) => JSON.parse(line) as { id?: number; result?: CallToolResult }).find((m) => m.id === 2);
    while (!answer() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    const started = answer()?.result?.structuredContent as RunView | undefined;
    expect(started?.status, errText).toMatch(/pending|running/);

    child.stdin.end();
    expect(await exited).toBe(0);
    expect(errText).toContain("waiting for 1 run(s)");

    const db = await openDatabase({ dataDir: data.dir });
    try {
      const { items } = await db.repos.runs.list({ segmentId: "mcp-slowish", limit: 10 });
      expect(items.find((r) => r.run_id === started?.run_id)?.status).toBe("completed");
    } finally {
      await db.close();
    }
  }, 120_000);
});
