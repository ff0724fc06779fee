// Restart mid-run, for real: the server core runs a chain of HTTP steps against a local server
// that counts calls per step; while step s4's request is in flight the process gets SIGKILL
// (no shutdown hook runs). A new process on the same data dir resumes the run: s1–s3 (committed
// before the kill) are never called again, s4 runs again as attempt 2, s5–s6 run once.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/test-database";

const CORE = path.join(import.meta.dirname, "server-core.ts");
const STEPS = ["s1", "s2", "s3", "s4", "s5", "s6"];
const KILL_AT = "s4";

function serverCore(args: string[], dataDir: string): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, LLMTEAM_DATA_DIR: dataDir, LLMTEAM_SEED_EXAMPLES: "off", NODE_ENV: "test" };
  delete env.DATABASE_URL;
  return spawn(process.execPath, ["--import", "tsx", CORE, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
}

/** The first JSON line the process prints on stdout (its stderr is kept for the failure message). */
function firstLine(child: ChildProcess): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr?.on("data", (d) => (err += d));
    child.stdout?.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.trim().startsWith("{"));
      if (line && out.includes("\n")) resolve(JSON.parse(line) as Record<string, unknown>);
    });
    child.on("exit", (code) => reject(new Error(`server core exited (${code}) before printing:\n${err}`)));
  });
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

describe("restart after kill -9", () => {
  it("restart-mid-run: no completed step runs twice, the in-flight one runs again, the run completes", async () => {
    const calls: Record<string, number> = {};
    let crashed: ChildProcess | undefined;
    const killed = new Promise<void>((resolve, reject) => {
      const server = http.createServer((req, res) => {
        const step = req.url?.split("/").pop() ?? "?";
        calls[step] = (calls[step] ?? 0) + 1;
        if (step === KILL_AT && calls[step] === 1) {
          // The step is running and its request is open: kill the process now, no reply.
          crashed?.once("exit", () => resolve());
          crashed?.kill("SIGKILL");
          return;
        }
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ step }));
      });
      server.listen(0, "127.0.0.1");
      cleanups.push(() => server.close());
      server.once("listening", () => {
        const port = (server.address() as AddressInfo).port;
        const segment = {
          version: "1.0",
          segment_id: "crash-chain",
          name: "Crash chain",
          entrypoint: "s1",
          steps: STEPS.map((id) => ({ step_id: id, type: "http_request", config: { url: `http://127.0.0.1:${port}/hit/${id}` } })),
          edges: STEPS.slice(1).map((id, i) => ({ from_step: STEPS[i], to_step: id })),
        };
        writeFileSync(path.join(dataDir, "segment.json"), JSON.stringify(segment));
        crashed = serverCore(["start", path.join(dataDir, "segment.json")], dataDir);
        firstLine(crashed).then((line) => (runId = String(line.run_id)), reject);
      });
    });
    const dataDir = tempDir("llmteam-crash-");
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let runId = "";

    await killed;
    expect(runId).not.toBe("");
    expect(calls).toEqual({ s1: 1, s2: 1, s3: 1, s4: 1 });

    const restarted = serverCore(["finish", runId], dataDir);
    cleanups.push(() => restarted.kill("SIGKILL"));
    const { resumed, run } = (await firstLine(restarted)) as {
      resumed: number;
      run: { status: string; steps: Record<string, { status: string; attempts: number }> };
    };

    expect(resumed).toBe(1);
    expect(run.status).toBe("completed");
    expect(calls).toEqual({ s1: 1, s2: 1, s3: 1, s4: 2, s5: 1, s6: 1 });
    expect(Object.fromEntries(STEPS.map((id) => [id, [run.steps[id]?.status, run.steps[id]?.attempts]]))).toEqual({
      s1: ["completed", 1],
      s2: ["completed", 1],
      s3: ["completed", 1],
      s4: ["completed", 2],
      s5: ["completed", 1],
      s6: ["completed", 1],
    });
  }, 120_000);
});
