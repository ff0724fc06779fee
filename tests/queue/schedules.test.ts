// Cron schedules in queue mode are BullMQ job schedulers: with two worker processes taking fire
// jobs, each fire starts exactly one run, and a deleted schedule stops firing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSchedule, deleteSchedule } from "../../src/server/services/schedules/schedules";
import { cleanupQueueEnv, queueEnv, spawnWorker, startQueueWeb, stopWorker, type QueueWeb, type WorkerProcess } from "./support";

const env = queueEnv();
let web: QueueWeb;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  web = await startQueueWeb(env);
  workers.push(await spawnWorker(env), await spawnWorker(env));
  await web.save({
    segment_id: "tick",
    name: "Tick",
    entrypoint: "t",
    steps: [{ step_id: "t", type: "transform", config: { expression: "{'tick': true}" } }],
    edges: [],
  });
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => stopWorker(w)));
  await web?.close();
  await cleanupQueueEnv(env);
}, 30_000);

const scheduledRuns = () => web.app.db.prisma.run.findMany({ where: { segmentId: "tick", createdBy: "system:schedule" }, select: { id: true, createdAt: true, status: true } });

describe("cron schedules in queue mode", () => {
  it("every fire starts one run however many workers take fire jobs, and deleting the schedule stops it", async () => {
    const schedule = await createSchedule(web.services, { segment_id: "tick", cron: "* * * * * *", timezone: "UTC", input: {}, enabled: true });
    web.schedules.poke();
    await web.schedules.idle();
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 4500));
    const elapsedSeconds = (Date.now() - started) / 1000;

    await deleteSchedule(web.services, { schedule_id: schedule.schedule_id });
    web.schedules.poke();
    await web.schedules.idle();
    const runs = await scheduledRuns();
    // One run per second that passed (a fire on every whole second); two workers each firing
    // would make about twice as many.
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(elapsedSeconds) + 1);

    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await scheduledRuns()).length).toBe(runs.length);
  }, 30_000);
});
