// Queue mode end to end: runs started by the API are advanced by separate worker processes,
// and a browser-equivalent socket.io client on the web side receives every event, in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRun } from "../../src/server/services/runs/start-run";
import { cleanupQueueEnv, followRun, queueEnv, spawnWorker, startQueueWeb, stopWorker, type QueueWeb, type WorkerProcess } from "./support";

const env = queueEnv();
let web: QueueWeb;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  web = await startQueueWeb(env);
  workers.push(await spawnWorker(env), await spawnWorker(env));
  await web.save({
    segment_id: "chain",
    name: "Chain",
    entrypoint: "a",
    steps: [
      { step_id: "a", type: "transform", config: { expression: "{'n': 1}" } },
      { step_id: "b", type: "transform", config: { expression: "{'n': step_input.n + 1}" } },
      { step_id: "c", type: "transform", config: { expression: "{'n': step_input.n * 10}" } },
    ],
    edges: [
      { from_step: "a", to_step: "b" },
      { from_step: "b", to_step: "c" },
    ],
  });
  await web.save({
    segment_id: "review",
    name: "Review",
    entrypoint: "draft",
    steps: [
      { step_id: "draft", type: "transform", config: { expression: "{'text': 'hello'}" } },
      { step_id: "check", type: "human_approval", config: { title: "Publish?" } },
      { step_id: "publish", type: "transform", config: { expression: "{'published': true}" } },
    ],
    edges: [
      { from_step: "draft", to_step: "check" },
      { from_step: "check", to_step: "publish" },
    ],
  });
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => stopWorker(w)));
  await web?.close();
  await cleanupQueueEnv(env);
}, 30_000);

describe("queue mode", () => {
  it("a run started on the web is advanced by a worker process and every event reaches the web's socket clients in order", async () => {
    const run = await startRun(web.services, { segment_id: "chain", input: {} });
    const follower = await followRun(web.url, run.run_id);
    const done = await follower.waitFor("segment.completed");
    expect(done.payload).toMatchObject({ output: { n: 20 } });
    const seqs = follower.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(follower.events.filter((e) => e.type === "step.completed").map((e) => e.step_id)).toEqual(["a", "b", "c"]);
    follower.socket.disconnect();
  });

  it("a decision taken on the web resumes the run in a worker, and the steps after it reach the waiting socket client live", async () => {
    const run = await startRun(web.services, { segment_id: "review", input: {} });
    const follower = await followRun(web.url, run.run_id);
    const waiting = await follower.waitFor("step.waiting", "check");
    const before = follower.events.length;
    const approval = (waiting.payload as { approval: { approval_id: string } }).approval;
    await web.app.runtime.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "reviewer" });
    const done = await follower.waitFor("segment.completed");
    expect(done.payload).toMatchObject({ output: { published: true } });
    // Everything after the decision was committed by a worker and relayed, in order, no gaps.
    const after = follower.events.slice(before).map((e) => e.type);
    expect(after).toEqual(expect.arrayContaining(["human.decided", "step.completed", "segment.completed"]));
    const seqs = follower.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    follower.socket.disconnect();
  });

  it("each worker serves its own /metrics (steps it ran, queue depth, job wait) and /healthz", async () => {
    let executed = 0;
    for (const worker of workers) {
      const health = await fetch(`http://127.0.0.1:${worker.metricsPort}/healthz`);
      expect(health.status).toBe(200);
      const text = await (await fetch(`http://127.0.0.1:${worker.metricsPort}/metrics`)).text();
      expect(text).toMatch(/^llmteam_queue_jobs\{state="waiting"\} \d+$/m);
      expect(text).toMatch(/^llmteam_queue_job_wait_seconds_count \d+$/m);
      for (const [, n] of text.matchAll(/^llmteam_steps_executed_total\{[^}]*status="completed"[^}]*\} (\d+)$/gm)) executed += Number(n);
    }
    // The web process ran none of them: the workers' counters hold every step run so far.
    expect(executed).toBeGreaterThanOrEqual(6);
  });

  it("with LLMTEAM_METRICS_TOKEN a worker's /metrics needs that Bearer token (401 without it or with another)", async () => {
    const guarded = await spawnWorker(env, { LLMTEAM_METRICS_TOKEN: "scrape-secret-for-tests" });
    try {
      const url = `http://127.0.0.1:${guarded.metricsPort}/metrics`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: "Bearer not-the-token" } })).status).toBe(401);
      const ok = await fetch(url, { headers: { authorization: "Bearer scrape-secret-for-tests" } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/^llmteam_queue_jobs\{state="waiting"\} \d+$/m);
      // /healthz stays open (liveness probes carry no token).
      expect((await fetch(`http://127.0.0.1:${guarded.metricsPort}/healthz`)).status).toBe(200);
    } finally {
      await stopWorker(guarded);
    }
  });

  it("the web process ran no step itself (LLMTEAM_WORKERS=0): the leases were the workers'", async () => {
    expect(web.app.config.workers).toBe(0);
    expect(web.app.queue!.workerRunning).toBe(false);
  });

  it("many runs spread over both workers and all complete, each step once", async () => {
    const runs = await Promise.all(Array.from({ length: 40 }, () => startRun(web.services, { segment_id: "chain", input: {} })));
    const deadline = Date.now() + 30_000;
    for (const run of runs) {
      for (;;) {
        const detail = await web.app.runtime.engine.getRun(run.run_id);
        if (detail?.status === "completed") break;
        if (Date.now() > deadline) throw new Error(`run ${run.run_id} is ${detail?.status}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const owners = await web.app.db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM step_runs WHERE status = 'completed' GROUP BY run_id, step_id HAVING count(*) > 1`;
    expect(owners).toEqual([]);
  });
});
