// Runs the real `llmteam` command (node bin/llmteam.mjs) in a child process with a controlled
// environment, and writes segment files for it.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/llmteam.mjs");

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Only what the command needs: no DATABASE_URL or other settings leak in from the test's environment. */
function environment(dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    LLMTEAM_DATA_DIR: dataDir,
    ...extra,
    NODE_ENV: "test",
  };
}

export function llmteam(
  args: string[],
  options: { dataDir: string; stdin?: string; env?: Record<string, string>; cwd?: string; timeoutMs?: number },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: environment(options.dataDir, options.env ?? {}),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? "");
  });
}

/** A temp directory removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return file;
}

/** Two transforms in a chain: {n} → {n: 2n} → {n: 2n + 1}. */
export const chainSegment = {
  version: "1.0",
  segment_id: "cli-chain",
  name: "CLI chain",
  entrypoint: "double",
  steps: [
    { step_id: "double", type: "transform", config: { expression: "{ 'n': input.n * 2 }" } },
    { step_id: "inc", type: "transform", config: { expression: "{ 'n': step_input.n + 1 }" } },
  ],
  edges: [{ from_step: "double", to_step: "inc" }],
};

/** A transform whose expression fails when evaluated (it parses fine). */
export const failingSegment = {
  version: "1.0",
  segment_id: "cli-fails",
  name: "CLI fails",
  entrypoint: "boom",
  steps: [{ step_id: "boom", type: "transform", config: { expression: "$error('boom')" } }],
  edges: [],
};

/** A delay far longer than any test: only a timeout or a cancel ends it. */
export const slowSegment = {
  version: "1.0",
  segment_id: "cli-slow",
  name: "CLI slow",
  entrypoint: "wait",
  steps: [{ step_id: "wait", type: "delay", config: { seconds: 600 } }],
  edges: [],
};

/** Four errors: unknown type, unknown entrypoint, unknown edge endpoint, invalid expression. */
export const invalidSegment = {
  version: "1.0",
  segment_id: "cli-invalid",
  name: "CLI invalid",
  entrypoint: "nope",
  steps: [
    { step_id: "a", type: "transformer", config: {} },
    { step_id: "b", type: "transform", config: { expression: "(((" } },
  ],
  edges: [{ from_step: "a", to_step: "c" }],
};

/** Parses NDJSON lines (the --events stream). */
export function ndjson(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
