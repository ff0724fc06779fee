// Running segments through the tRPC procedures on the embedded database: the
// seeded examples, approvals, control and errors, as the browser will use them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_OWNER } from "../../src/server/auth/principal";
import { setAppContext, type AppContext } from "../../src/server/app-context";
import { seedExamples } from "../../src/server/seed/seed-examples";
import type { Approval, RunDetail } from "../../src/shared/resources/run-detail";
import { testAppContext } from "../helpers/app-context";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { call, data } from "../helpers/trpc-call";

let t: TestDatabase;
let app: AppContext;
beforeAll(async () => {
  t = await openTestDatabase("pglite");
  app = testAppContext(t);
  setAppContext(app);
  await seedExamples({ repos: t.db.repos, principal: LOCAL_OWNER });
});
afterAll(async () => {
  await app?.runtime.stop();
  setAppContext(undefined);
  await t?.cleanup();
});

async function waitFor(runId: string, statuses: RunDetail["status"][], timeoutMs = 10_000): Promise<RunDetail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = await data<RunDetail>("runs.get", { run_id: runId }, "GET");
    if (statuses.includes(run.status)) return run;
    if (Date.now() > until) throw new Error(`run ${runId} stayed ${run.status}, expected ${statuses.join("|")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("runs through tRPC", () => {
  it("the article writer waits for the editor, and an edited approval flows into the output", async () => {
    const started = await data<RunDetail>("runs.start", { segment_id: "article-writer", input: { topic: "Durable runs", audience: "ops" } });
    expect(started).toMatchObject({ segment_id: "article-writer", revision: 1 });
    const waiting = await waitFor(started.run_id, ["waiting"]);
    expect(waiting.steps.research?.status).toBe("completed");
    expect(waiting.steps.editor_review?.status).toBe("waiting");
    expect(waiting.steps.publish?.status).toBe("pending");

    const [approval] = await data<Approval[]>("approvals.list", { run_id: started.run_id, status: "pending" }, "GET");
    expect(approval).toMatchObject({ step_id: "editor_review", title: "Approve the article draft", status: "pending" });
    const body = "Durable runs survive restarts; people approve the steps that matter.";
    const decided = await data<Approval>("approvals.decide", {
      approval_id: approval!.approval_id,
      decision: "approve",
      data: { title: "Durable runs", body },
      comment: "ship it",
    });
    expect(decided).toMatchObject({ status: "approved", decision: "approved", edited: true, decided_by: "local-owner", comment: "ship it" });

    const done = await waitFor(started.run_id, ["completed", "failed"]);
    expect(done.status).toBe("completed");
    expect(done.output).toEqual({ title: "Durable runs", topic: "Durable runs", body, approved_by: "local-owner" });
    expect(Object.values(done.steps).every((s) => s.status === "completed")).toBe(true);
  });

  it("deciding twice is a 409 and changes nothing", async () => {
    const run = await data<RunDetail>("runs.start", { segment_id: "article-writer", input: { topic: "Twice" } });
    await waitFor(run.run_id, ["waiting"]);
    const [approval] = await data<Approval[]>("approvals.list", { run_id: run.run_id }, "GET");
    await data("approvals.decide", { approval_id: approval!.approval_id, decision: "reject", comment: "no" });
    const again = await call("approvals.decide", { approval_id: approval!.approval_id, decision: "approve" });
    expect(again.status).toBe(409);
    expect(again.body.error?.message).toMatch(/already rejected/);
    const done = await waitFor(run.run_id, ["completed", "failed"]);
    // on_reject: continue — the publish edge only follows approvals, so publish is skipped.
    expect(done.steps.publish?.status).toBe("skipped");
  });

  it("input that does not match input_schema is a 422 naming the problem, and no run is created", async () => {
    const before = await data<{ items: unknown[] }>("runs.list", { segment_id: "support-triage" }, "GET");
    const reply = await call("runs.start", { segment_id: "support-triage", input: { subject: 42 } });
    expect(reply.status).toBe(422);
    expect(reply.body.error?.message).toMatch(/input_schema/);
    const after = await data<{ items: unknown[] }>("runs.list", { segment_id: "support-triage" }, "GET");
    expect(after.items.length).toBe(before.items.length);
  });

  it("a segment with only a draft cannot run: 409 saying to save it first", async () => {
    await data("segments.create", { name: "Draft only" });
    const reply = await call("runs.start", { segment_id: "draft-only", input: {} });
    expect(reply.status).toBe(409);
    expect(reply.body.error?.message).toBe('Segment "draft-only" has no saved revision yet: save it before running it');
  });

  it("an unknown segment or run is a 404", async () => {
    expect((await call("runs.start", { segment_id: "nope", input: {} })).status).toBe(404);
    expect((await call("runs.get", { run_id: "nope" }, "GET")).status).toBe(404);
  });

  it("cancel while waiting cancels the run and its approval; cancelling again is a 409", async () => {
    const run = await data<RunDetail>("runs.start", { segment_id: "article-writer", input: { topic: "Cancel me" } });
    await waitFor(run.run_id, ["waiting"]);
    await data("runs.cancel", { run_id: run.run_id });
    const cancelled = await waitFor(run.run_id, ["cancelled"]);
    expect(cancelled.steps.editor_review?.status).toBe("cancelled");
    const [approval] = await data<Approval[]>("approvals.list", { run_id: run.run_id }, "GET");
    expect(approval?.status).toBe("cancelled");
    expect((await call("runs.cancel", { run_id: run.run_id })).status).toBe(409);
    expect((await call("approvals.decide", { approval_id: approval!.approval_id, decision: "approve" })).status).toBe(409);
  });

  it("the on-call reviewer sees a brief of the ticket, not a bare boolean", async () => {
    const run = await data<RunDetail>("runs.start", { segment_id: "support-triage", input: { subject: "Outage", body: "Nothing loads" } });
    await waitFor(run.run_id, ["waiting"]);
    const [approval] = await data<Approval[]>("approvals.list", { run_id: run.run_id }, "GET");
    expect(approval?.data).toEqual({ subject: "Outage", message: "Nothing loads", category: "billing" });
    await data("runs.cancel", { run_id: run.run_id });
  });

  it("re-run from a step reuses the upstream outputs in a new run", async () => {
    const first = await data<RunDetail>("runs.start", { segment_id: "support-triage", input: { subject: "Refund", body: "Please" } });
    await waitFor(first.run_id, ["waiting", "completed"]);
    await data("runs.cancel", { run_id: first.run_id }).catch(() => {});
    const second = await data<RunDetail>("runs.rerun", { run_id: first.run_id, from_step: "is_urgent" });
    expect(second.run_id).not.toBe(first.run_id);
    expect(second.steps.classify).toMatchObject({ status: "completed", reused: true });
  });

  it("the runs list shows the runs just made, newest first", async () => {
    const page = await data<{ items: { segment_id: string; status: string }[] }>("runs.list", { segment_id: "article-writer" }, "GET");
    expect(page.items.length).toBeGreaterThanOrEqual(3);
    expect(page.items.map((r) => r.status)).toContain("completed");
  });
});
