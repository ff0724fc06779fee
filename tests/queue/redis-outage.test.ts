// Redis stops and comes back (its own redis-server on a free port, keeping nothing on disk, so
// the restart also loses every queued and delayed job): health says so, starting a run answers
// a clear 503 and writes nothing, and the work queued before continues once Redis is back.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiHandlerFor } from "../../src/server/http/api-routes";
import { checkHealth } from "../../src/server/services/check-health";
import { AppError } from "../../src/server/services/errors";
import { startRun } from "../../src/server/services/runs/start-run";
import { cleanupQueueEnv, followRun, freePort, queueEnv, spawnWorker, startQueueWeb, stopWorker, type QueueWeb, type WorkerProcess } from "./support";

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(true)); // the port is taken: redis listens
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(false)));
    });
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("redis-server did not start");
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

let port: number;
let redis: ChildProcess;
let env: ReturnType<typeof queueEnv>;
let web: QueueWeb;
let worker: WorkerProcess;

beforeAll(async () => {
  port = await freePort();
  redis = await startRedis(port);
  env = queueEnv(`redis://127.0.0.1:${port}`);
  web = await startQueueWeb(env);
  worker = await spawnWorker(env);
  await web.save({
    segment_id: "waits",
    name: "Waits",
    entrypoint: "pause",
    steps: [
      { step_id: "pause", type: "delay", config: { seconds: 2 } },
      { step_id: "after", type: "transform", config: { expression: "{'after': true}" } },
    ],
    edges: [{ from_step: "pause", to_step: "after" }],
  });
}, 60_000);

afterAll(async () => {
  await stopWorker(worker, "SIGKILL");
  await web?.close().catch(() => {});
  await cleanupQueueEnv(env).catch(() => {});
  await stopRedis(redis);
}, 30_000);

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("Redis goes away and comes back", () => {
  it("health reports Redis, run starts answer 503 with nothing written, and a delayed wake-up lost with Redis's contents still fires", async () => {
    const run = await startRun(web.services, { segment_id: "waits", input: {} });
    const follower = await followRun(web.url, run.run_id);
    await follower.waitFor("step.started", "pause");

    await stopRedis(redis);
    await until(() => !web.app.queue!.ready(), 10_000, "the web noticing Redis is gone");
    const health = await checkHealth(web.app);
    expect(health.status).toBe("error");
    expect(health.problems).toEqual([expect.objectContaining({ component: "redis", message: expect.stringContaining("Redis unreachable") })]);

    const runsBefore = await web.app.db.prisma.run.count();
    const refused = await startRun(web.services, { segment_id: "waits", input: {} }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "unavailable", message: expect.stringContaining("Redis") });
    // The same refusal as the REST API answers it (the handler main.ts serves for this path).
    const rest = apiHandlerFor("POST", "/api/v1/segments/waits/runs");
    if (!rest) throw new Error("no REST handler for run starts");
    const reply = await rest(
      new Request("http://127.0.0.1/api/v1/segments/waits/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ input_data: {} }) }),
    );
    expect(reply.status).toBe(503);
    expect(await reply.text()).toMatch(/Redis/);
    expect(await web.app.db.prisma.run.count()).toBe(runsBefore);

    // Back, empty: the delayed job that would have resumed the run is gone.
    redis = await startRedis(port);
    await until(() => web.app.queue!.ready(), 15_000, "the web reconnecting");
    expect((await checkHealth(web.app)).status).toBe("ok");
    const detail = await waitForStatus(run.run_id, "completed", 30_000);
    expect(detail.output).toEqual({ after: true });

    // And new runs start and finish again.
    const next = await startRun(web.services, { segment_id: "waits", input: {} });
    await waitForStatus(next.run_id, "completed", 30_000);
    follower.socket.disconnect();
  }, 90_000);
});

async function waitForStatus(runId: string, status: string, timeoutMs: number) {
  let detail = await web.app.runtime.engine.getRun(runId);
  await until(async () => (detail = await web.app.runtime.engine.getRun(runId))?.status === status, timeoutMs, `run ${runId} ${status} (is ${detail?.status})`);
  return detail!;
}
