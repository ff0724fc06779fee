// Queue mode faults with real worker processes: kill -9 mid-step, SIGTERM mid-step (hand-back),
// and jobs delivered more than once. A local endpoint holds the middle step in flight.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRun } from "../../src/server/services/runs/start-run";
import { ADVANCE_JOB } from "../../src/server/queue/names";
import { cleanupQueueEnv, followRun, queueEnv, spawnWorker, startQueueWeb, stopWorker, type QueueWeb, type WorkerProcess } from "./support";
import { startSlowEndpoint, type SlowEndpoint } from "./slow-endpoint";

const env = queueEnv();
let web: QueueWeb;
let endpoint: SlowEndpoint;
const workers: WorkerProcess[] = [];

const segment = (id: string, base: string) => ({
  segment_id: id,
  name: id,
  entrypoint: "fetch_a",
  steps: [
    { step_id: "fetch_a", type: "http_request", config: { url: `${base}/${id}/a` } },
    { step_id: "hang", type: "http_request", config: { url: `${base}/${id}/hang` } },
    { step_id: "finish", type: "transform", config: { expression: "{'done': true, 'hit': step_input.body.hit}" } },
  ],
  edges: [
    { from_step: "fetch_a", to_step: "hang" },
    { from_step: "hang", to_step: "finish" },
  ],
});

async function stepRows(runId: string) {
  return web.app.db.prisma.stepRun.findMany({ where: { runId }, orderBy: [{ stepId: "asc" }, { attempt: "asc" }], select: { stepId: true, attempt: true, status: true } });
}

/** The worker process holding the run's lease (owner `worker-<pid>`). */
async function holderOf(runId: string): Promise<WorkerProcess> {
  const run = await web.app.db.prisma.run.findUniqueOrThrow({ where: { id: runId }, select: { leaseOwner: true } });
  const holder = workers.find((w) => run.leaseOwner === `worker-${w.child.pid}`);
  if (!holder) throw new Error(`lease owner ${run.leaseOwner} is not one of the workers`);
  return holder;
}

beforeAll(async () => {
  endpoint = await startSlowEndpoint();
  web = await startQueueWeb(env);
  workers.push(await spawnWorker(env), await spawnWorker(env));
  for (const id of ["killed", "handed_back", "twice"]) await web.save(segment(id, endpoint.url));
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => stopWorker(w, "SIGKILL")));
  await web?.close();
  await endpoint?.close();
  await cleanupQueueEnv(env);
}, 30_000);

describe("a worker dies or stops mid-step", () => {
  it("kill -9: another worker resumes the run after the lease expires; the completed step does not run again, the interrupted one runs as a new attempt", async () => {
    const run = await startRun(web.services, { segment_id: "killed", input: {} });
    const follower = await followRun(web.url, run.run_id);
    await endpoint.waitForHits("/killed/hang", 1);
    const victim = await holderOf(run.run_id);
    victim.child.kill("SIGKILL");
    await victim.exited;

    const done = await follower.waitFor("segment.completed", undefined, 30_000);
    expect(done.payload).toMatchObject({ output: { done: true, hit: 2 } });
    expect(endpoint.hits.get("/killed/a")).toBe(1);
    expect(endpoint.hits.get("/killed/hang")).toBe(2);
    const rows = await stepRows(run.run_id);
    expect(rows.filter((r) => r.stepId === "fetch_a")).toEqual([{ stepId: "fetch_a", attempt: 1, status: "completed" }]);
    expect(rows.filter((r) => r.stepId === "hang").map((r) => [r.attempt, r.status])).toEqual([
      [1, "failed"],
      [2, "completed"],
    ]);
    // The live view saw one gap-free log across both workers.
    const seqs = follower.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    follower.socket.disconnect();
    workers.splice(workers.indexOf(victim), 1, await spawnWorker(env));
  }, 60_000);

  it("SIGTERM: after the grace period the worker hands the run back and another finishes it without waiting for the lease", async () => {
    const run = await startRun(web.services, { segment_id: "handed_back", input: {} });
    const follower = await followRun(web.url, run.run_id);
    await endpoint.waitForHits("/handed_back/hang", 1);
    const stopping = await holderOf(run.run_id);
    const signalled = Date.now();
    const exitCode = await stopWorker(stopping, "SIGTERM");
    expect(exitCode).toBe(0);
    expect(stopping.output()).toContain("Handed 1 run(s) back");
    await follower.waitFor("segment.completed", undefined, 20_000);
    // Grace 1 s; a dead worker's lease would hold the run for its full 2 s after the last renewal.
    expect(Date.now() - signalled).toBeLessThan(15_000);
    expect(endpoint.hits.get("/handed_back/a")).toBe(1);
    expect(endpoint.hits.get("/handed_back/hang")).toBe(2);
    follower.socket.disconnect();
    workers.splice(workers.indexOf(stopping), 1, await spawnWorker(env));
  }, 60_000);
});

describe("jobs delivered more than once", () => {
  it("extra advance jobs for a run in flight produce one result per step", async () => {
    const run = await startRun(web.services, { segment_id: "twice", input: {} });
    await endpoint.waitForHits("/twice/hang", 1);
    // The same job delivered again and again, to both workers, while the run is held.
    await Promise.all(Array.from({ length: 6 }, () => web.app.queue!.queue.add(ADVANCE_JOB, { run_id: run.run_id })));
    const holder = await holderOf(run.run_id);
    holder.child.kill("SIGKILL");
    await holder.exited;
    workers.splice(workers.indexOf(holder), 1, await spawnWorker(env));
    const follower = await followRun(web.url, run.run_id);
    await follower.waitFor("segment.completed", undefined, 30_000);
    await Promise.all(Array.from({ length: 4 }, () => web.app.queue!.queue.add(ADVANCE_JOB, { run_id: run.run_id })));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rows = await stepRows(run.run_id);
    for (const step of ["fetch_a", "hang", "finish"]) expect(rows.filter((r) => r.stepId === step && r.status === "completed"), step).toHaveLength(1);
    const completedEvents = follower.events.filter((e) => e.type === "step.completed").map((e) => e.step_id);
    expect(completedEvents).toEqual(["fetch_a", "hang", "finish"]);
    follower.socket.disconnect();
  }, 60_000);

  it("the database itself refuses a second result for a step (unique index step_runs_one_result), whoever writes it", async () => {
    const [done] = await web.app.db.prisma.stepRun.findMany({ where: { status: "completed" }, take: 1 });
    await expect(
      web.app.db.prisma.$executeRaw`INSERT INTO step_runs (id, run_id, step_id, attempt, status) VALUES (gen_random_uuid()::text, ${done!.runId}, ${done!.stepId}, ${done!.attempt + 7}, 'completed')`,
    ).rejects.toThrow(/step_runs_one_result|unique/i);
  });
});
