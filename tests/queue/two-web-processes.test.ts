// Two web processes on one Redis: one also runs advances (LLMTEAM_WORKERS=2), the other only
// serves the API and sockets. A run started and watched on the second is advanced by the first,
// and its events reach the second's socket clients through the socket.io Redis adapter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRun } from "../../src/server/services/runs/start-run";
import { cleanupQueueEnv, followRun, queueEnv, startQueueWeb, type QueueWeb } from "./support";

const env = queueEnv();
let runner: QueueWeb;
let front: QueueWeb;

beforeAll(async () => {
  runner = await startQueueWeb(env, { LLMTEAM_WORKERS: "2" });
  front = await startQueueWeb(env);
  await front.save({
    segment_id: "pair",
    name: "Pair",
    entrypoint: "one",
    steps: [
      { step_id: "one", type: "transform", config: { expression: "{'x': 1}" } },
      { step_id: "gate", type: "human_approval", config: { title: "Go on?" } },
      { step_id: "two", type: "transform", config: { expression: "{'x': 2}" } },
    ],
    edges: [
      { from_step: "one", to_step: "gate" },
      { from_step: "gate", to_step: "two" },
    ],
  });
}, 60_000);

afterAll(async () => {
  await front?.close();
  await runner?.close();
  await cleanupQueueEnv(env);
}, 30_000);

describe("several web processes", () => {
  it("events committed in one web process reach the sockets of another, in order, before and after a decision taken on the second", async () => {
    expect(front.app.queue!.workerRunning).toBe(false);
    expect(runner.app.queue!.workerRunning).toBe(true);
    const run = await startRun(front.services, { segment_id: "pair", input: {} });
    const follower = await followRun(front.url, run.run_id);
    const waiting = await follower.waitFor("step.waiting", "gate");
    const approval = (waiting.payload as { approval: { approval_id: string } }).approval;
    await front.app.runtime.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "reviewer" });
    const done = await follower.waitFor("segment.completed");
    expect(done.payload).toMatchObject({ output: { x: 2 } });
    const seqs = follower.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const owners = await front.app.db.prisma.runEvent.count({ where: { runId: run.run_id } });
    expect(follower.events).toHaveLength(owners);
    follower.socket.disconnect();
  });
});
