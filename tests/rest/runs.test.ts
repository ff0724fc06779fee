// REST runs and approvals through the Next route handlers, on the embedded database with the real
// engine: start (202, 422 on input, 404/409), list with filters and pages, the run resource,
// cancel/pause/resume conflicts, re-run from a step, approvals (edit, invalid data, twice, after
// cancel). Every answer is also checked against the OpenAPI document by the harness.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Approval, RunDetail } from "../../src/shared/resources/run-detail";
import type { RunPage } from "../../src/shared/resources/run-resource";
import type { SegmentInput } from "../../src/shared/segment";
import { createSegment } from "../../src/server/services/create-segment";
import { expectError, startRestHarness, type RestHarness } from "./support";

type Started = { run_id: string; status: RunDetail["status"] };

let api: RestHarness;
beforeAll(async () => {
  api = await startRestHarness();
  await save(greeting());
  await save(slow());
  await save(review());
});
afterAll(async () => api?.stop());

async function save(doc: SegmentInput): Promise<void> {
  const reply = await api.call("POST", "/api/v1/segments", { body: doc });
  expect([200, 201]).toContain(reply.status);
}

function greeting(): SegmentInput {
  return {
    segment_id: "rest-greeting",
    name: "Greeting",
    entrypoint: "greet",
    input_schema: { type: "object", properties: { name: { type: "string", minLength: 1 } }, required: ["name"] },
    steps: [
      { step_id: "greet", type: "transform", config: { expression: '{ "message": "Hello, " & input.name }' } },
      { step_id: "shout", type: "transform", config: { expression: '{ "message": $uppercase(step_input.message) }' } },
    ],
    edges: [{ from_step: "greet", to_step: "shout" }],
  };
}

/** A delay long enough to pause, resume and cancel while it runs. */
function slow(): SegmentInput {
  return {
    segment_id: "rest-slow",
    name: "Slow",
    entrypoint: "wait",
    steps: [
      { step_id: "wait", type: "delay", config: { seconds: 1.5 } },
      { step_id: "done", type: "transform", config: { expression: '{ "done": true }' } },
    ],
    edges: [{ from_step: "wait", to_step: "done" }],
  };
}

function review(): SegmentInput {
  return {
    segment_id: "rest-review",
    name: "Review",
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
      // The human step's output is the decision ({decision, edited, data, comment, ...}).
      { step_id: "publish", type: "transform", config: { expression: '{ "decision": step_input.decision, "title": step_input.data.title }' } },
    ],
    edges: [
      { from_step: "draft", to_step: "check" },
      { from_step: "check", to_step: "publish" },
    ],
  };
}

const start = (segmentId: string, body: unknown) => api.call<Started>("POST", `/api/v1/segments/${segmentId}/runs`, { body });
const getRun = (runId: string) => api.call<RunDetail>("GET", `/api/v1/runs/${runId}`);

async function waitFor(runId: string, statuses: RunDetail["status"][], timeoutMs = 10_000): Promise<RunDetail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = (await getRun(runId)).body;
    if (statuses.includes(run.status)) return run;
    if (Date.now() > until) throw new Error(`run ${runId} stayed ${run.status}, expected ${statuses.join("|")}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function runsOf(segmentId: string): Promise<RunPage["items"]> {
  return (await api.call<RunPage>("GET", `/api/v1/runs?segment_id=${segmentId}&limit=200`)).body.items;
}

describe("POST /api/v1/segments/{id}/runs", () => {
  it("starts a run: 202 with its id and status and a Location; the run completes with the output", async () => {
    const reply = await start("rest-greeting", { input_data: { name: "Ada" } });
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({ run_id: expect.any(String), status: expect.stringMatching(/^(pending|running|completed)$/) });
    expect(reply.headers.get("location")).toBe(`/api/v1/runs/${reply.body.run_id}`);
    const run = await waitFor(reply.body.run_id, ["completed", "failed"]);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ message: "HELLO, ADA" });
    expect(run.steps.greet?.output).toEqual({ message: "Hello, Ada" });
    expect(run.revision).toBe(1);
  });

  it("input not matching input_schema is 422 invalid_data naming the problem, and no run is created", async () => {
    const before = (await runsOf("rest-greeting")).length;
    const reply = await start("rest-greeting", { input_data: { name: "" } });
    const error = expectError(reply, 422, "invalid_data");
    expect(error.message).toMatch(/input_schema/);
    expect(error.details?.length).toBeGreaterThan(0);
    const missing = await start("rest-greeting", {});
    expectError(missing, 422, "invalid_data");
    expect((await runsOf("rest-greeting")).length).toBe(before);
  });

  it("bad requests: unknown segment 404, unknown revision 404, unknown field 422, wrong type 422, malformed JSON 400", async () => {
    expectError(await start("no-such-segment", { input_data: {} }), 404, "not_found");
    expectError(await start("rest-greeting", { input_data: { name: "Ada" }, revision: 9 }), 404, "not_found");
    const unknown = expectError(await start("rest-greeting", { input_data: { name: "Ada" }, idempotency_ky: "x" }), 422, "invalid_input");
    expect(JSON.stringify(unknown.details)).toContain("idempotency_ky");
    expectError(await start("rest-greeting", { input_data: { name: "Ada" }, revision: "1" }), 422, "invalid_input");
    const malformed = await api.call("POST", "/api/v1/segments/rest-greeting/runs", { rawBody: '{"input_data": ', headers: { "content-type": "application/json" } });
    expectError(malformed, 400, "malformed_json");
  });

  it("a segment with only a draft is 409: runs execute saved revisions", async () => {
    await createSegment(api.services, { name: "Draft only", segment_id: "rest-draft-only" });
    expectError(await start("rest-draft-only", { input_data: {} }), 409, "conflict");
  });
});

describe("GET /api/v1/runs and /api/v1/runs/{id}", () => {
  it("lists runs newest first, filtered by segment and status, a page at a time", async () => {
    const ids: string[] = [];
    for (const name of ["A", "B", "C"]) ids.push((await start("rest-greeting", { input_data: { name } })).body.run_id);
    for (const id of ids) await waitFor(id, ["completed"]);

    const first = await api.call<RunPage>("GET", "/api/v1/runs?segment_id=rest-greeting&status=completed&limit=2");
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items.map((r) => r.run_id)).toEqual([ids[2], ids[1]]);
    expect(first.body.items.every((r) => r.segment_id === "rest-greeting" && r.status === "completed")).toBe(true);
    expect(first.body.next_cursor).not.toBeNull();
    const second = await api.call<RunPage>("GET", `/api/v1/runs?segment_id=rest-greeting&status=completed&limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body.items[0]?.run_id).toBe(ids[0]);

    const failed = await api.call<RunPage>("GET", "/api/v1/runs?segment_id=rest-greeting&status=failed");
    expect(failed.body.items).toEqual([]);
    expectError(await api.call("GET", "/api/v1/runs?status=bogus"), 422, "invalid_input");
    expectError(await api.call("GET", "/api/v1/runs?limit=500"), 422, "invalid_input");
  });

  it("an unknown run is 404", async () => {
    expectError(await getRun("no-such-run"), 404, "not_found");
  });
});

describe("cancel, pause, resume", () => {
  it("pause a running run, resume it, and it completes; resuming a run that is not paused is 409", async () => {
    const { run_id } = (await start("rest-slow", {})).body;
    await waitFor(run_id, ["running"]);
    expectError(await api.call("POST", `/api/v1/runs/${run_id}/resume`), 409, "conflict");
    const paused = await api.call<RunDetail>("POST", `/api/v1/runs/${run_id}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body.run_id).toBe(run_id);
    await waitFor(run_id, ["paused"]);
    expect((await getRun(run_id)).body.steps.done?.status).toBe("pending");
    const resumed = await api.call<RunDetail>("POST", `/api/v1/runs/${run_id}/resume`);
    expect(resumed.status).toBe(200);
    const done = await waitFor(run_id, ["completed"]);
    expect(done.output).toEqual({ done: true });
    expect(done.steps.wait?.attempts).toBe(1);
  });

  it("cancel stops a running run; cancelling or pausing it again is 409 and changes nothing", async () => {
    const { run_id } = (await start("rest-slow", {})).body;
    await waitFor(run_id, ["running"]);
    const cancelled = await api.call<RunDetail>("POST", `/api/v1/runs/${run_id}/cancel`);
    expect(cancelled.status).toBe(200);
    const run = await waitFor(run_id, ["cancelled"]);
    expect(run.steps.done?.status).not.toBe("completed");
    const again = expectError(await api.call("POST", `/api/v1/runs/${run_id}/cancel`), 409, "conflict");
    expect(again.message).toMatch(/cancel/i);
    expectError(await api.call("POST", `/api/v1/runs/${run_id}/pause`), 409, "conflict");
    expect((await getRun(run_id)).body.status).toBe("cancelled");
    expectError(await api.call("POST", "/api/v1/runs/no-such-run/cancel"), 404, "not_found");
  });
});

describe("POST /api/v1/runs/{id}/rerun", () => {
  it("re-runs from a step: the steps before it are reused, that step runs again with the new input", async () => {
    const { run_id } = (await start("rest-greeting", { input_data: { name: "Ada" } })).body;
    await waitFor(run_id, ["completed"]);
    const rerun = await api.call<Started>("POST", `/api/v1/runs/${run_id}/rerun`, { body: { from_step: "shout" } });
    expect(rerun.status).toBe(202);
    expect(rerun.body.run_id).not.toBe(run_id);
    const run = await waitFor(rerun.body.run_id, ["completed", "failed"]);
    expect(run.status).toBe("completed");
    expect(run.steps.greet?.reused).toBe(true);
    expect(run.steps.shout?.reused).toBe(false);
    expect(run.output).toEqual({ message: "HELLO, ADA" });
    // It says where it came from (stored with the run); the first run is no re-run.
    expect(run.rerun_of).toEqual({ run_id, step_id: "shout" });
    expect((await api.call<{ rerun_of: unknown }>("GET", `/api/v1/runs/${run_id}`)).body.rerun_of).toBeNull();
  });

  it("re-runs the whole segment with new input; an unknown step is 404, an unknown field 422", async () => {
    const { run_id } = (await start("rest-greeting", { input_data: { name: "Ada" } })).body;
    await waitFor(run_id, ["completed"]);
    const rerun = await api.call<Started>("POST", `/api/v1/runs/${run_id}/rerun`, { body: { input_data: { name: "Grace" } } });
    expect(rerun.status).toBe(202);
    expect((await waitFor(rerun.body.run_id, ["completed"])).output).toEqual({ message: "HELLO, GRACE" });
    expectError(await api.call("POST", `/api/v1/runs/${run_id}/rerun`, { body: { from_step: "nope" } }), 404, "not_found");
    expectError(await api.call("POST", `/api/v1/runs/${run_id}/rerun`, { body: { from: "shout" } }), 422, "invalid_input");
  });
});

describe("approvals", () => {
  async function waitingRun(topic = "Durable runs"): Promise<{ runId: string; approval: Approval }> {
    const { run_id } = (await start("rest-review", { input_data: { topic } })).body;
    await waitFor(run_id, ["waiting"]);
    const list = await api.call<Approval[]>("GET", `/api/v1/approvals?run_id=${run_id}&status=pending`);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    return { runId: run_id, approval: list.body[0]! };
  }
  const decide = (approvalId: string, body: unknown) => api.call<Approval>("POST", `/api/v1/approvals/${approvalId}/decision`, { body });

  it("lists the pending approval with what a reviewer needs; approve with edited data resumes the run with it", async () => {
    const { runId, approval } = await waitingRun();
    expect(approval).toMatchObject({
      run_id: runId,
      root_run_id: runId,
      segment_id: "rest-review",
      step_id: "check",
      title: "Approve the title",
      data: { title: "Durable runs" },
      form: { type: "object" },
      status: "pending",
      created_at: expect.any(String),
    });
    const decided = await decide(approval.approval_id, { decision: "approve", data: { title: "Durable runs, explained" }, comment: "Sharper" });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: "approved", decision: "approved", edited: true, result: { title: "Durable runs, explained" }, comment: "Sharper" });
    const run = await waitFor(runId, ["completed"]);
    expect(run.output).toEqual({ decision: "approved", title: "Durable runs, explained" });
    const all = await api.call<Approval[]>("GET", `/api/v1/approvals?run_id=${runId}`);
    expect(all.body.map((a) => a.status)).toEqual(["approved"]);
  });

  it("the list comes a page at a time: `limit`, then `after` the last id; a bad limit is 422", async () => {
    const made = [await waitingRun(), await waitingRun(), await waitingRun()].map((w) => w.approval.approval_id);
    const pending = (await api.call<Approval[]>("GET", "/api/v1/approvals?status=pending")).body.map((a) => a.approval_id).filter((id) => made.includes(id));
    expect(pending).toEqual(made);
    const page = await api.call<Approval[]>("GET", `/api/v1/approvals?status=pending&limit=2&after=${made[0]}`);
    expect(page.body.map((a) => a.approval_id)).toEqual(made.slice(1, 3));
    const last = await api.call<Approval[]>("GET", `/api/v1/approvals?status=pending&limit=2&after=${made[2]}`);
    expect(last.body).toEqual([]);
    expectError(await api.call("GET", "/api/v1/approvals?limit=0"), 422, "invalid_input");
    expectError(await api.call("GET", "/api/v1/approvals?limit=1001"), 422, "invalid_input");
  });

  it("data not matching the form is 422 and the approval stays pending; deciding twice is 409", async () => {
    const { runId, approval } = await waitingRun();
    const invalid = expectError(await decide(approval.approval_id, { decision: "approve", data: { title: "x" } }), 422, "invalid_data");
    expect(invalid.message).toMatch(/form/);
    expect((await api.call<Approval[]>("GET", `/api/v1/approvals?run_id=${runId}&status=pending`)).body).toHaveLength(1);
    const rejected = await decide(approval.approval_id, { decision: "reject", comment: "Off topic" });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: "rejected", comment: "Off topic" });
    expectError(await decide(approval.approval_id, { decision: "approve" }), 409, "conflict");
    // on_reject "continue" (the default): the decision flows on, unedited.
    expect((await waitFor(runId, ["completed", "failed"])).output).toEqual({ decision: "rejected", title: "Durable runs" });
  });

  it("deciding after the run was cancelled is 409; bad decisions are 422; an unknown approval is 404", async () => {
    const { runId, approval } = await waitingRun();
    await api.call("POST", `/api/v1/runs/${runId}/cancel`);
    await waitFor(runId, ["cancelled"]);
    expectError(await decide(approval.approval_id, { decision: "approve" }), 409, "conflict");
    expectError(await decide(approval.approval_id, { decision: "maybe" }), 422, "invalid_input");
    expectError(await decide(approval.approval_id, {}), 422, "invalid_input");
    expectError(await decide("no-such-approval", { decision: "approve" }), 404, "not_found");
    expectError(await api.call("GET", "/api/v1/approvals?status=waiting"), 422, "invalid_input");
  });
});

describe("idempotency_key", () => {
  it("the same key and body answers 200 with the first run; no second run is started", async () => {
    const before = (await runsOf("rest-greeting")).length;
    const body = { input_data: { name: "Ada" }, idempotency_key: "order-1" };
    const first = await start("rest-greeting", body);
    expect(first.status).toBe(202);
    // Same body with keys in another order: the same request.
    const retry = await start("rest-greeting", { idempotency_key: "order-1", input_data: { name: "Ada" } });
    expect(retry.status).toBe(200);
    expect(retry.body.run_id).toBe(first.body.run_id);
    expect(retry.headers.get("location")).toBe(`/api/v1/runs/${first.body.run_id}`);
    expect((await runsOf("rest-greeting")).length).toBe(before + 1);
  });

  it("the same key with a different body is 409 and starts nothing", async () => {
    await start("rest-greeting", { input_data: { name: "Ada" }, idempotency_key: "order-2" });
    const before = (await runsOf("rest-greeting")).length;
    const other = expectError(await start("rest-greeting", { input_data: { name: "Grace" }, idempotency_key: "order-2" }), 409, "conflict");
    expect(other.message).toMatch(/different request body/);
    expect((await runsOf("rest-greeting")).length).toBe(before);
  });

  it("concurrent requests with one key start exactly one run", async () => {
    const before = (await runsOf("rest-greeting")).length;
    const replies = await Promise.all(Array.from({ length: 6 }, () => start("rest-greeting", { input_data: { name: "Ada" }, idempotency_key: "burst" })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 202]);
    expect(new Set(replies.map((r) => r.body.run_id)).size).toBe(1);
    expect((await runsOf("rest-greeting")).length).toBe(before + 1);
  });

  it("a refused start frees its key: the corrected retry with the same key starts the run", async () => {
    expectError(await start("rest-greeting", { input_data: {}, idempotency_key: "fix-me" }), 422, "invalid_data");
    const fixed = await start("rest-greeting", { input_data: { name: "Ada" }, idempotency_key: "fix-me" });
    expect(fixed.status).toBe(202);
  });

  it("keys are per segment, and forgotten after 24 hours", async () => {
    const a = await start("rest-greeting", { input_data: { name: "Ada" }, idempotency_key: "shared" });
    const b = await start("rest-slow", { idempotency_key: "shared" });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(b.body.run_id).not.toBe(a.body.run_id);

    await api.app.db.prisma.$executeRaw`UPDATE run_idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'shared' AND segment_id = 'rest-greeting'`;
    const later = await start("rest-greeting", { input_data: { name: "Ada" }, idempotency_key: "shared" });
    expect(later.status).toBe(202);
    expect(later.body.run_id).not.toBe(a.body.run_id);
    expectError(await start("rest-greeting", { input_data: { name: "Ada" }, idempotency_key: "" }), 422, "invalid_input");
    expectError(await start("no-such-segment", { input_data: {}, idempotency_key: "k" }), 404, "not_found");
  });
});

describe("timeout_seconds", () => {
  it("a run still working at its deadline fails with run_timeout; the step in flight is stopped and nothing after it runs", async () => {
    const reply = await start("rest-slow", { timeout_seconds: 0.4 });
    expect(reply.status).toBe(202);
    const run = await waitFor(reply.body.run_id, ["failed", "completed"]);
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ code: "run_timeout", message: expect.stringContaining("timeout") });
    expect(run.steps.wait?.status).toBe("cancelled");
    expect(run.steps.done?.status).toBe("pending");
    // Well before the 1.5 s delay would have ended.
    expect(Date.parse(run.finished_at!) - Date.parse(run.created_at)).toBeLessThan(1400);
  });

  it("a run waiting for a person times out too: its approval is cancelled and can no longer be decided", async () => {
    const { run_id } = (await start("rest-review", { input_data: { topic: "Deadlines" }, timeout_seconds: 0.5 })).body;
    await waitFor(run_id, ["waiting", "failed"]);
    const [approval] = (await api.call<Approval[]>("GET", `/api/v1/approvals?run_id=${run_id}`)).body;
    const run = await waitFor(run_id, ["failed"]);
    expect(run.error?.code).toBe("run_timeout");
    const after = (await api.call<Approval[]>("GET", `/api/v1/approvals?run_id=${run_id}`)).body;
    expect(after.map((a) => a.status)).toEqual(["cancelled"]);
    expectError(await api.call("POST", `/api/v1/approvals/${approval!.approval_id}/decision`, { body: { decision: "approve" } }), 409, "conflict");
  });

  it("a run that finishes in time is unaffected; a bad timeout is 422", async () => {
    const { run_id } = (await start("rest-greeting", { input_data: { name: "Ada" }, timeout_seconds: 30 })).body;
    expect((await waitFor(run_id, ["completed", "failed"])).status).toBe("completed");
    expectError(await start("rest-greeting", { input_data: { name: "Ada" }, timeout_seconds: 0 }), 422, "invalid_input");
    expectError(await start("rest-greeting", { input_data: { name: "Ada" }, timeout_seconds: "5" }), 422, "invalid_input");
    expectError(await start("rest-greeting", { input_data: { name: "Ada" }, timeout_seconds: 10 * 24 * 3600 }), 422, "invalid_input");
  });
});
