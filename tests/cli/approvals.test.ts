// A run that waits for a person (the seeded support-triage example), listed and decided from
// the command line: run → exit 3, approvals list, approvals decide → the run completes.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { approvalSchema, runDetailSchema, type Approval } from "../../src/shared/resources/run-detail";
import { llmteam, ndjson, tempDir } from "./helpers";

const { dir, cleanup } = tempDir("llmteam-cli-approvals-");
const dataDir = path.join(dir, "data");
afterAll(cleanup);

const cli = (...args: string[]) => llmteam(args, { dataDir });
const example = path.join(dir, "support-triage.json");
copyFileSync(path.resolve(import.meta.dirname, "../../src/server/seed/examples/support-triage.json"), example);
const ticket = JSON.stringify({ subject: "Charged twice", body: "My card was charged twice this month." });

describe("llmteam approvals", () => {
  let runId = "";
  let approval: Approval | undefined;

  it("run of a segment that waits for a human exits 3 with the run waiting", { timeout: 120_000 }, async () => {
    const result = await cli("run", example, "--input", ticket, "--events");
    expect(result.code, result.stderr).toBe(3);
    const run = runDetailSchema.parse(JSON.parse(result.stdout));
    expect(run.status).toBe("waiting");
    expect(run.steps.escalate?.status).toBe("waiting");
    expect(run.steps.auto_reply?.status).toBe("skipped");
    runId = run.run_id;

    const events = ndjson(result.stderr);
    // The mock LLM streams: live llm.token events come with the stored ones.
    expect(events.some((e) => e.type === "llm.token")).toBe(true);
    const stored = events.filter((e) => e.type !== "llm.token");
    expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i + 1));
    expect(stored.at(-1)).toMatchObject({ type: "step.waiting", step_id: "escalate" });
  });

  it("approvals list --json shows the pending approval; the table too", { timeout: 120_000 }, async () => {
    const result = await cli("approvals", "list", "--status", "pending", "--json");
    expect(result.code, result.stderr).toBe(0);
    const approvals = approvalSchema.array().parse(JSON.parse(result.stdout));
    expect(approvals).toHaveLength(1);
    approval = approvals[0];
    expect(approval).toMatchObject({ run_id: runId, root_run_id: runId, step_id: "escalate", status: "pending", title: "Urgent ticket" });

    const table = await cli("approvals", "list", "--run", runId);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^APPROVAL\s+STATUS\s+RUN\s+STEP\s+TITLE\s+CREATED$/m);
    expect(table.stdout).toContain(`${approval?.approval_id}  pending`);
  });

  it("approvals decide approve resumes the run until it completes: exit 0, the approval on stdout", { timeout: 120_000 }, async () => {
    const id = approval?.approval_id ?? "";
    const result = await cli("approvals", "decide", id, "approve", "--comment", "On it", "--events");
    expect(result.code, result.stderr).toBe(0);
    const decided = approvalSchema.parse(JSON.parse(result.stdout));
    expect(decided).toMatchObject({ approval_id: id, status: "approved", decision: "approved", comment: "On it", decided_by: "cli" });

    const types = ndjson(result.stderr).map((e) => e.type);
    expect(types[0]).toBe("human.decided");
    expect(types).toContain("segment.completed");
  });

  it("approve-twice is refused with the reason: exit 2", { timeout: 120_000 }, async () => {
    const result = await cli("approvals", "decide", approval?.approval_id ?? "", "reject");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("already approved");
  });

  it("decide with a bad decision word is a usage error", async () => {
    const result = await cli("approvals", "decide", "some-id", "maybe");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('must be "approve" or "reject"');
  });
});
