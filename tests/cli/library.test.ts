// The library face: LLMTeam.open on a temp data dir, run (documents and saved ids), events,
// a run left waiting, subscribe, decide, and refusals as AppErrors.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, LLMTeam, type LiveEvent, type RunEvent } from "../../src/lib/llmteam";
import { runDetailSchema } from "../../src/shared/resources/run-detail";
import { chainSegment, failingSegment, invalidSegment, slowSegment, tempDir } from "./helpers";

const { dir, cleanup } = tempDir("llmteam-lib-");
let team: LLMTeam;

beforeAll(async () => {
  team = await LLMTeam.open({ dataDir: path.join(dir, "data") });
}, 120_000);
afterAll(async () => {
  await team?.close();
  cleanup();
});

const supportTriage = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../../src/server/seed/examples/support-triage.json"), "utf8"),
) as Record<string, unknown>;

const storedSeqs = (events: (RunEvent | LiveEvent)[], runId: string) =>
  events.flatMap((e) => (e.type !== "llm.token" && e.run_id === runId ? [e.seq] : []));

describe("LLMTeam library", () => {
  it("opens the embedded database without example segments", async () => {
    expect(team.config.seedExamples).toBe(false);
    expect(team.config.databaseUrl).toBeUndefined();
    expect(await team.listApprovals()).toEqual([]);
  });

  it("run(document) saves a revision, runs it and resolves settled, with every event in order", async () => {
    const events: (RunEvent | LiveEvent)[] = [];
    const run = await team.run(chainSegment, { n: 2 }, { onEvent: (e) => events.push(e) });
    expect(runDetailSchema.parse(run)).toMatchObject({ status: "completed", revision: 1, output: { n: 5 } });
    expect(storedSeqs(events, run.run_id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.at(-1)?.type).toBe("segment.completed");

    const again = await team.run("cli-chain", { n: 10 });
    expect(again).toMatchObject({ status: "completed", revision: 1, output: { n: 21 } });
  });

  it("a failing run resolves as failed (it does not throw)", async () => {
    const run = await team.run(failingSegment, {});
    expect(run.status).toBe("failed");
    expect(run.error?.step_id).toBe("boom");
  });

  it("an invalid document is refused with every problem, nothing saved", async () => {
    const error = await team.run(invalidSegment, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid_segment");
    expect((error as AppError).details.map((d) => d.code).sort()).toEqual(
      ["invalid_expression", "unknown_edge_endpoint", "unknown_entrypoint", "unknown_step_type"],
    );
  });

  it("a human step leaves the run waiting; decide resumes it to completion; subscribe follows", async () => {
    const run = await team.run(supportTriage, { subject: "Down", body: "Nothing works" });
    expect(run.status).toBe("waiting");
    const [approval] = await team.listApprovals({ root_run_id: run.run_id, status: "pending" });
    expect(approval?.step_id).toBe("escalate");

    const followed: string[] = [];
    const unsubscribe = team.subscribe(run.run_id, (e) => followed.push(e.type));
    const { approval: decided, run: after } = await team.decide(approval?.approval_id ?? "", "approve", { comment: "mine" });
    unsubscribe();
    expect(decided).toMatchObject({ status: "approved", comment: "mine", decided_by: "local-owner" });
    expect(after.status).toBe("completed");
    expect(after.steps.escalate?.status).toBe("completed");
    expect(followed).toEqual(expect.arrayContaining(["human.decided", "step.completed", "segment.completed"]));

    const twice = await team.decide(approval?.approval_id ?? "", "reject").catch((e: unknown) => e);
    expect(twice).toMatchObject({ code: "conflict" });
  });

  it("approval-inside-subsegment decided while a parallel approval waits: settles only after the parent took the child's result", async () => {
    await team.save({
      version: "1.0",
      segment_id: "cli-child",
      name: "Child",
      entrypoint: "child_ok",
      steps: [{ step_id: "child_ok", type: "human_approval", config: { title: "Child check" } }],
      edges: [],
    });
    const run = await team.run(
      {
        version: "1.0",
        segment_id: "cli-parent",
        name: "Parent",
        entrypoint: "start",
        steps: [
          { step_id: "start", type: "transform", config: { expression: "input" } },
          { step_id: "sub", type: "subsegment", config: { segment_id: "cli-child" } },
          { step_id: "parent_ok", type: "human_approval", config: { title: "Parent check" } },
        ],
        edges: [
          { from_step: "start", to_step: "sub" },
          { from_step: "start", to_step: "parent_ok" },
        ],
      },
      { x: 1 },
    );
    expect(run.status).toBe("waiting");
    const pending = await team.listApprovals({ root_run_id: run.run_id, status: "pending" });
    expect(pending.map((a) => a.step_id).sort()).toEqual(["child_ok", "parent_ok"]);
    const child = pending.find((a) => a.step_id === "child_ok");
    expect(child?.run_id).not.toBe(run.run_id);

    const first = await team.decide(child?.approval_id ?? "", "approve");
    expect(first.run.status).toBe("waiting");
    expect(first.run.steps.sub?.status).toBe("completed");
    expect(first.run.steps.parent_ok?.status).toBe("waiting");

    const parent = pending.find((a) => a.step_id === "parent_ok");
    const second = await team.decide(parent?.approval_id ?? "", "approve");
    expect(second.run.status).toBe("completed");
  });

  it("subscribe with afterSeq replays the stored log first", async () => {
    const run = await team.run("cli-chain", { n: 1 });
    const replayed: number[] = [];
    const unsubscribe = team.subscribe(run.run_id, (e) => e.type !== "llm.token" && replayed.push(e.seq), { afterSeq: 2 });
    await expect.poll(() => replayed).toEqual([3, 4, 5, 6]);
    unsubscribe();
  });

  it("timeoutMs cancels a run that does not settle", async () => {
    let timedOut = false;
    const run = await team.run(slowSegment, {}, { timeoutMs: 200, onTimeout: () => (timedOut = true) });
    expect(timedOut).toBe(true);
    expect(run.status).toBe("cancelled");
  });

  // Last: it closes the shared instance.
  it("close-while-waiting rejects the pending wait instead of hanging", async () => {
    let markStarted = () => {};
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const pending = team.run(slowSegment, {}, { onEvent: (e) => e.type === "step.started" && markStarted() });
    await started;
    // Attach the expectation first: close() rejects the wait while it runs, and a rejection
    // with no handler yet would be reported as unhandled.
    const rejected = expect(pending).rejects.toThrow(/closed while waiting for run/);
    await team.close();
    await rejected;
  });
});
