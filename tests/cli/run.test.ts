// `llmteam run` against a real embedded database (one data dir for the file: each test uses
// its own segment). Each process boot costs seconds, so each test makes the most of one run.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDetailSchema } from "../../src/shared/resources/run-detail";
import { chainSegment, failingSegment, llmteam, ndjson, slowSegment, tempDir, writeJson } from "./helpers";

const { dir, cleanup } = tempDir("llmteam-cli-run-");
const dataDir = path.join(dir, "data");
afterAll(cleanup);

const cli = (...args: string[]) => llmteam(args, { dataDir });

describe("llmteam run", () => {
  it("a completing chain exits 0, prints one run document, and --events streams gap-free NDJSON", { timeout: 120_000 }, async () => {
    const file = writeJson(dir, "chain.json", chainSegment);
    const result = await cli("run", file, "--input", '{"n": 20}', "--events");
    expect(result.code, result.stderr).toBe(0);

    const run = runDetailSchema.parse(JSON.parse(result.stdout));
    expect(run).toMatchObject({ segment_id: "cli-chain", revision: 1, status: "completed", input: { n: 20 }, output: { n: 41 } });
    expect(run.steps.double).toMatchObject({ status: "completed", output: { n: 40 }, attempts: 1 });

    const events = ndjson(result.stderr);
    expect(events.every((e) => e.run_id === run.run_id)).toBe(true);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((e) => e.type)).toEqual([
      "segment.started",
      "step.started",
      "step.completed",
      "step.started",
      "step.completed",
      "segment.completed",
    ]);
  });

  it("runs again as a new revision, with --input from a file, and prints nothing on stderr without --events", { timeout: 120_000 }, async () => {
    const file = writeJson(dir, "chain.json", chainSegment);
    const input = writeJson(dir, "input.json", { n: 1 });
    const result = await cli("run", file, "--input", `@${input}`);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toMatchObject({ revision: 2, status: "completed", output: { n: 3 } });
  });

  it("a failing step exits 1 with the error in the run", { timeout: 120_000 }, async () => {
    const file = writeJson(dir, "fails.json", failingSegment);
    const result = await cli("run", file);
    expect(result.code).toBe(1);
    const run = runDetailSchema.parse(JSON.parse(result.stdout));
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ step_id: "boom" });
    expect(run.steps.boom?.status).toBe("failed");
    expect(result.stderr).toBe("");
  });

  it("--timeout cancels a run that does not settle in time and exits 1", { timeout: 120_000 }, async () => {
    const file = writeJson(dir, "slow.json", slowSegment);
    const result = await cli("run", file, "--timeout", "0.5");
    expect(result.code).toBe(1);
    const run = runDetailSchema.parse(JSON.parse(result.stdout));
    expect(run.status).toBe("cancelled");
    expect(result.stderr).toContain("did not settle within 0.5 s");
  });
});
