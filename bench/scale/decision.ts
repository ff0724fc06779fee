// (d) Approval decision → next step started: start a run of human_approval → transform, wait for
// its `step.waiting` on the socket, POST the decision over REST, and time from sending the
// decision to receiving the transform's `step.started` on the socket. One decision at a time,
// after a few unmeasured ones.
import { summarizeTail } from "../stats";
import { epochNow, type EventFeed } from "./event-feed";
import type { RestClient } from "./rest";
import { approval } from "./segments";

const DECISIONS = Number(process.env.BENCH_SCALE_DECISIONS ?? 30);
const WARM_UP = 3;

async function decideOnce(rest: RestClient, feed: EventFeed): Promise<{ next: number; request: number }> {
  const runId = await rest.startRun(approval.segment_id, {});
  const follow = await feed.follow(runId);
  const waiting = await follow.waitFor((e) => e.type === "step.waiting" && e.step_id === "ask", 30_000, "step.waiting");
  const approvalId = (waiting.event.payload as { approval: { approval_id: string } }).approval.approval_id;
  const t0 = epochNow();
  await rest.decide(approvalId, "approve");
  const answered = epochNow();
  const started = await follow.waitFor((e) => e.type === "step.started" && e.step_id === "next", 30_000, "step.started of the next step");
  await follow.finished(30_000);
  feed.unfollow(runId);
  return { next: started.at - t0, request: answered - t0 };
}

export async function measureDecisions(rest: RestClient, feed: EventFeed) {
  for (let i = 0; i < WARM_UP; i++) await decideOnce(rest, feed);
  const samples = [];
  for (let i = 0; i < DECISIONS; i++) samples.push(await decideOnce(rest, feed));
  return { ...summarizeTail(samples.map((s) => s.next)), decision_request_ms: summarizeTail(samples.map((s) => s.request)) };
}
