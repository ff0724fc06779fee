// The same observability paths on PostgreSQL (database `test`, an isolated schema): the run keeps
// the request's correlation id in its record and every stored event, the metric counters move,
// and the gauges read the counts from PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext, type AppContext } from "../../src/server/app-context";
import { LOCAL_OWNER } from "../../src/server/auth/principal";
import { getMetrics } from "../../src/server/metrics/registry";
import { saveSegmentRevision } from "../../src/server/services/save-segment-revision";
import { startRun } from "../../src/server/services/runs/start-run";
import type { RunServiceContext } from "../../src/server/services/context";
import { testAppContext } from "../helpers/app-context";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { eventually } from "../rest/support";

let t: TestDatabase;
let app: AppContext;
let services: RunServiceContext;
beforeAll(async () => {
  t = await openTestDatabase("postgres");
  app = testAppContext(t);
  setAppContext(app);
  services = { repos: t.db.repos, principal: LOCAL_OWNER, engine: app.runtime.engine };
  await saveSegmentRevision(services, {
    document: {
      segment_id: "pg-review",
      name: "Review",
      entrypoint: "prepare",
      steps: [
        { step_id: "prepare", type: "transform", config: { expression: "input" } },
        { step_id: "check", type: "human_approval", config: { title: "Approve" } },
      ],
      edges: [{ from_step: "prepare", to_step: "check" }],
    },
  });
});
afterAll(async () => {
  await app?.runtime.stop();
  setAppContext(undefined);
  await t?.cleanup();
});

const counter = async (name: string, labels: Record<string, string> = {}) => {
  const metric = await getMetrics().registry.getSingleMetric(name)?.get();
  return metric?.values.find((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value))?.value ?? 0;
};

describe("observability on PostgreSQL", () => {
  it("correlation id on the run and its events; counters move; gauges count from the database", async () => {
    const startedBefore = await counter("llmteam_segments_started_total");
    const stepsBefore = await counter("llmteam_steps_executed_total", { step_type: "transform", status: "completed" });
    const run = await startRun(services, { segment_id: "pg-review", input: { a: 1 }, correlation_id: "pg-corr-1" });
    expect(run.correlation_id).toBe("pg-corr-1");
    await eventually("the approval", async () => ((await t.db.repos.runs.gaugeCounts()).pendingApprovals === 1 ? true : undefined));

    const events = await t.db.runStore.listEvents(run.run_id);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["segment.started", "step.completed", "step.waiting"]));
    expect(events.every((e) => e.correlation_id === "pg-corr-1")).toBe(true);

    expect(await counter("llmteam_segments_started_total")).toBe(startedBefore + 1);
    expect(await counter("llmteam_steps_executed_total", { step_type: "transform", status: "completed" })).toBe(stepsBefore + 1);
    // The gauge reads this database at collect time.
    expect(await counter("llmteam_pending_approvals")).toBe(1);
    expect(await counter("llmteam_running_segments")).toBe(0);
  });
});
