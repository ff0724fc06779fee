// The commands that need no database (version, catalog, validate, usage errors) and the
// refusals that happen before any run: invalid files, --server, a data dir held by a server.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import packageJson from "../../package.json";
import { lockDataDir } from "../../src/server/db/data-dir-lock";
import { chainSegment, invalidSegment, llmteam, tempDir, writeJson } from "./helpers";

const { dir, cleanup } = tempDir("llmteam-cli-commands-");
const dataDir = path.join(dir, "data");
afterAll(cleanup);

const cli = (...args: string[]) => llmteam(args, { dataDir });
const chainFile = writeJson(dir, "chain.json", chainSegment);
const invalidFile = writeJson(dir, "invalid.json", invalidSegment);
const brokenFile = writeJson(dir, "broken.json", '{ "segment_id": "x",\n  "steps": [ }');

describe("llmteam version, catalog, help", () => {
  it("version prints the package version", async () => {
    const result = await cli("version");
    expect(result).toMatchObject({ code: 0, stdout: `llmteam ${packageJson.version}\n`, stderr: "" });
  });

  it("catalog --json lists the 9 built-in step types with their config schemas", async () => {
    const result = await cli("catalog", "--json");
    expect(result.code).toBe(0);
    const types = JSON.parse(result.stdout) as { type_id: string; config_schema: unknown }[];
    expect(types.map((t) => t.type_id).sort()).toEqual(
      ["condition", "critic_loop", "delay", "http_request", "human_approval", "llm_agent", "map", "subsegment", "transform"],
    );
    expect(types.every((t) => typeof t.config_schema === "object")).toBe(true);
  });

  it("catalog prints a table: type, category, description", async () => {
    const result = await cli("catalog");
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^TYPE\s+CATEGORY\s+DESCRIPTION$/);
    expect(lines).toHaveLength(10);
    expect(result.stdout).toMatch(/human_approval\s+human\s+Pauses the run/);
  });

  it("--help of a command goes to stdout with exit 0", async () => {
    const result = await cli("run", "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: llmteam run <segment.json>");
    expect(result.stderr).toBe("");
  });
});

describe("usage errors exit 2 with the usage on stderr", () => {
  it("unknown-command", async () => {
    const result = await cli("frobnicate");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain("Usage: llmteam <command>");
  });

  it("no-command", async () => {
    const result = await cli();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: llmteam <command>");
  });

  it("unknown-flag", async () => {
    const result = await cli("catalog", "--colour");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--colour");
    expect(result.stderr).toContain("Usage: llmteam catalog");
  });

  it("missing-file-argument", async () => {
    const result = await cli("run");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing <segment.json>");
  });

  it("bad-timeout-value", async () => {
    const result = await cli("run", chainFile, "--timeout", "soon");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--timeout must be a positive number of seconds");
  });
});

describe("llmteam validate", () => {
  it("valid-file exits 0", async () => {
    const result = await cli("validate", chainFile);
    expect(result).toMatchObject({ code: 0, stdout: `${chainFile}: valid\n` });
  });

  it("invalid-file lists every problem and exits 2", async () => {
    const result = await cli("validate", invalidFile);
    expect(result.code).toBe(2);
    for (const code of ["unknown_step_type", "unknown_entrypoint", "unknown_edge_endpoint", "invalid_expression"]) {
      expect(result.stdout).toContain(code);
    }
    expect(result.stdout).toContain("(4 errors)");
  });

  it("--json gives ok and the problems", async () => {
    const valid = await cli("validate", chainFile, "--json");
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toEqual({ ok: true, problems: [] });

    const invalid = await cli("validate", invalidFile, "--json");
    expect(invalid.code).toBe(2);
    const body = JSON.parse(invalid.stdout) as { ok: boolean; problems: { code: string; severity: string; path?: string }[] };
    expect(body.ok).toBe(false);
    expect(body.problems.map((p) => p.code).sort()).toEqual(
      ["invalid_expression", "unknown_edge_endpoint", "unknown_entrypoint", "unknown_step_type"],
    );
    expect(body.problems.every((p) => p.severity === "error")).toBe(true);
  });

  it("warnings-only-file is valid and shows the warning", async () => {
    const legacy = writeJson(dir, "legacy.json", {
      ...chainSegment,
      segment_id: "cli-legacy",
      steps: [
        {
          step_id: "ask",
          type: "llm_agent",
          config: { llm_ref: "mock", system_prompt: "", user_prompt_template: "Hello {name}" },
        },
      ],
      entrypoint: "ask",
      edges: [],
    });
    const result = await cli("validate", legacy);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("legacy_placeholder");
  });

  it("missing-file and broken-JSON exit 2 with a clear message", async () => {
    const missing = await cli("validate", path.join(dir, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read ".*nope\.json": no such file/);

    const broken = await cli("validate", brokenFile);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json is not valid JSON: Unexpected token/);
  });
});

describe("refused before anything runs", () => {
  it("run of an invalid-file exits 2 with the problems on stderr, without opening the database", async () => {
    const result = await cli("run", invalidFile);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("is not a valid segment (4 errors)");
    expect(result.stderr).toContain("unknown_step_type");
    expect(existsSync(dataDir)).toBe(false);
  });

  it("run with --input that is not JSON, or a missing @file, exits 2", async () => {
    const notJson = await cli("run", chainFile, "--input", "{n: 1}");
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain("--input is not valid JSON");

    const missing = await cli("run", chainFile, "--input", `@${path.join(dir, "input.json")}`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--input: cannot read ".*input\.json": no such file/);
  });

  it("--server is refused until the REST API exists", async () => {
    const result = await cli("run", chainFile, "--server", "http://localhost:3000");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("REST API");
    expect(result.stderr).toContain("cannot drive a running server yet");
  });

  it("data-dir-locked by another process: says who holds it and suggests --server", async () => {
    const lockedDir = path.join(dir, "locked");
    const lock = lockDataDir(lockedDir);
    try {
      const result = await llmteam(["approvals", "list"], { dataDir: lockedDir });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(`in use by another process (pid ${process.pid})`);
      expect(result.stderr).toContain("--server");
      expect(readdirSync(lockedDir)).toEqual(["llmteam.lock"]);
    } finally {
      lock.release();
    }
  });
});
