// DELETE /api/v1/segments/{id} and the delete service: a segment with runs that have not
// finished is refused (409, nothing deleted) unless forced, which cancels them (and their child
// runs in other segments) before deleting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunDetail } from "../../src/shared/resources/run-detail";
import { deleteSegment } from "../../src/server/services/delete-segment";
import { getRun } from "../../src/server/services/runs/get-run";
import { startRun } from "../../src/server/services/runs/start-run";
import { saveSegmentRevision } from "../../src/server/services/save-segment-revision";
import type { SegmentInput } from "../../src/shared/segment";
import { sampleSegment } from "../helpers/segments";
import { eventually, expectError, startRestHarness, type RestHarness } from "./support";

let api: RestHarness;
beforeAll(async () => {
  api = await startRestHarness();
});
afterAll(async () => api?.stop());

/** A segment whose runs stop at a human approval and wait. */
const gate = (segment_id: string): SegmentInput => ({
  segment_id,
  name: `Gate ${segment_id}`,
  entrypoint: "gate",
  steps: [{ step_id: "gate", type: "human_approval", config: { title: "Go on?" } }],
  edges: [],
});

/** A segment whose runs call `child` as a subsegment (and so wait while the child waits). */
const caller = (segment_id: string, child: string): SegmentInput => ({
  segment_id,
  name: `Caller ${segment_id}`,
  entrypoint: "call",
  steps: [{ step_id: "call", type: "subsegment", config: { segment_id: child } }],
  edges: [],
});

async function save(doc: SegmentInput): Promise<void> {
  await saveSegmentRevision(api.services, { document: doc });
}

async function waitingRun(segment_id: string): Promise<RunDetail> {
  const started = await startRun(api.services, { segment_id, input: {} });
  return eventually(`run of ${segment_id} waiting`, async () => {
    const run = await getRun(api.services, { run_id: started.run_id });
    return run.status === "waiting" ? run : undefined;
  });
}

async function runExists(run_id: string): Promise<boolean> {
  return getRun(api.services, { run_id }).then(
    () => true,
    () => false,
  );
}

describe("DELETE /api/v1/segments/{id}", () => {
  it("deletes a segment without live runs (204, empty body); it is gone, and deleting again is 404", async () => {
    await save(sampleSegment({ segment_id: "del-plain" }));
    const reply = await api.call("DELETE", "/api/v1/segments/del-plain");
    expect(reply.status).toBe(204);
    expect(reply.text).toBe("");
    expectError(await api.call("GET", "/api/v1/segments/del-plain"), 404, "not_found");
    expectError(await api.call("DELETE", "/api/v1/segments/del-plain"), 404, "not_found");
  });

  it("a segment with a finished run is deleted with its runs", async () => {
    await save(sampleSegment({ segment_id: "del-finished" }));
    const started = await startRun(api.services, { segment_id: "del-finished", input: {} });
    await eventually("run completed", async () => ((await getRun(api.services, started)).status === "completed" ? true : undefined));
    expect((await api.call("DELETE", "/api/v1/segments/del-finished")).status).toBe(204);
    expect(await runExists(started.run_id)).toBe(false);
  });

  it("a waiting run makes it 409 naming the run, and nothing is deleted", async () => {
    await save(gate("del-busy"));
    const run = await waitingRun("del-busy");
    const error = expectError(await api.call("DELETE", "/api/v1/segments/del-busy"), 409, "conflict");
    expect(error.message).toBe(
      'Segment "del-busy" has runs that have not finished (1 waiting): cancel them first, or force the delete, which cancels them',
    );
    expect(error.details).toEqual([{ code: "run_not_finished", path: "runs", message: `run ${run.run_id} is waiting` }]);
    expect((await api.call("GET", "/api/v1/segments/del-busy")).status).toBe(200);
    expect((await getRun(api.services, run)).status).toBe("waiting");

    // ?force=false is the same as no force.
    expectError(await api.call("DELETE", "/api/v1/segments/del-busy?force=false"), 409, "conflict");
  });

  it("?force=true cancels the live runs and deletes", async () => {
    await save(gate("del-forced"));
    const run = await waitingRun("del-forced");
    const reply = await api.call("DELETE", "/api/v1/segments/del-forced?force=true");
    expect(reply.status).toBe(204);
    expectError(await api.call("GET", "/api/v1/segments/del-forced"), 404, "not_found");
    expect(await runExists(run.run_id)).toBe(false);
  });

  it("a force value other than true/false is 422 and nothing is deleted", async () => {
    await save(sampleSegment({ segment_id: "del-badforce" }));
    const error = expectError(await api.call("DELETE", "/api/v1/segments/del-badforce?force=yes"), 422, "invalid_input");
    expect(error.message).toBe('The query string is invalid: force: must be "true" or "false"');
    expect((await api.call("GET", "/api/v1/segments/del-badforce")).status).toBe(200);
  });
});

describe("deleteSegment service", () => {
  it("force-cancel reaches child runs in other segments: the child is cancelled, not orphaned", async () => {
    await save(gate("del-child"));
    await save(caller("del-parent", "del-child"));
    const parent = await waitingRun("del-parent");
    const child = await eventually("child run", async () => {
      const page = await api.services.repos.runs.list({ segmentId: "del-child", limit: 10 });
      return page.items.find((r) => r.root_run_id === parent.run_id);
    });
    await eventually("child waiting", async () => ((await getRun(api.services, child)).status === "waiting" ? true : undefined));

    await deleteSegment(api.services, { segment_id: "del-parent", force: true });

    expect(await runExists(parent.run_id)).toBe(false);
    await eventually("child cancelled", async () => ((await getRun(api.services, child)).status === "cancelled" ? true : undefined));
  });

  it("the child segment of a live parent run cannot be deleted without force (its run is live too)", async () => {
    await save(gate("del-child-2"));
    await save(caller("del-parent-2", "del-child-2"));
    await waitingRun("del-parent-2");
    await eventually("child run", async () => {
      const page = await api.services.repos.runs.list({ segmentId: "del-child-2", status: "waiting", limit: 10 });
      return page.items[0];
    });
    await expect(deleteSegment(api.services, { segment_id: "del-child-2" })).rejects.toMatchObject({ code: "conflict" });
    expect(await api.services.repos.segments.exists("del-child-2")).toBe(true);
  });

  it("without an engine (a caller that cannot cancel), force still refuses instead of deleting live runs", async () => {
    await save(gate("del-noengine"));
    await waitingRun("del-noengine");
    const { repos, principal } = api.services;
    await expect(deleteSegment({ repos, principal }, { segment_id: "del-noengine", force: true })).rejects.toMatchObject({ code: "conflict" });
    expect(await repos.segments.exists("del-noengine")).toBe(true);
  });
});
