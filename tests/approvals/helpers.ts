// A segment with one human step, saved as a revision and run through tRPC, for the approval
// link and webhook tests.
import { appRouter } from "../../src/server/api/root";
import type { Approval, RunDetail } from "../../src/shared/resources/run-detail";
import type { SegmentInput } from "../../src/shared/segment";
import { data } from "../helpers/trpc-call";

/** draft (transform) → review (human_approval with a form) → publish (transform). */
export function reviewSegment(segmentId: string, review: Record<string, unknown> = {}): SegmentInput {
  return {
    segment_id: segmentId,
    name: `Review ${segmentId}`,
    entrypoint: "draft",
    steps: [
      { step_id: "draft", type: "transform", config: { expression: '{ "title": input.topic, "words": 120 }' }, ui: { x: 0, y: 0 } },
      {
        step_id: "review",
        type: "human_approval",
        name: "Editor review",
        config: {
          title: "Approve the draft",
          instructions: "Check the title.",
          form: {
            type: "object",
            properties: { title: { type: "string", minLength: 3 }, words: { type: "integer", minimum: 1 } },
            required: ["title"],
          },
          ...review,
        },
        ui: { x: 300, y: 0 },
      },
      { step_id: "publish", type: "transform", config: { expression: "step_input" }, ui: { x: 600, y: 0 } },
    ],
    edges: [
      { from_step: "draft", to_step: "review" },
      { from_step: "review", to_step: "publish" },
    ],
  };
}

export async function saveSegment(document: SegmentInput): Promise<void> {
  await data("segments.create", { name: document.name, segment_id: document.segment_id });
  const saved = await data<{ ok: boolean }>("segments.saveRevision", { segment_id: document.segment_id, document, expected_version: 1 });
  if (!saved.ok) throw new Error(`segment ${document.segment_id} did not save as a revision`);
}

export async function waitForRun(runId: string, statuses: RunDetail["status"][], timeoutMs = 10_000): Promise<RunDetail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = await data<RunDetail>("runs.get", { run_id: runId }, "GET");
    if (statuses.includes(run.status)) return run;
    if (Date.now() > until) throw new Error(`run ${runId} stayed ${run.status}, expected ${statuses.join("|")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts a run of the segment and returns it once its human step waits, with the approval. */
export async function startWaitingRun(segmentId: string, input: unknown = { topic: "Durable runs" }) {
  const started = await data<RunDetail>("runs.start", { segment_id: segmentId, input });
  const run = await waitForRun(started.run_id, ["waiting"]);
  const [approval] = await data<Approval[]>("approvals.list", { run_id: run.run_id, status: "pending" }, "GET");
  if (!approval) throw new Error(`run ${run.run_id} waits without a pending approval`);
  return { run, approval };
}

/** A tRPC caller as seen from one client address (the server stamps the peer address). */
export function callerFrom(ip: string) {
  return appRouter.createCaller({ headers: new Headers({ "x-llmteam-client-ip": ip }), correlationId: `test-${ip}`, method: "POST", resHeaders: new Headers() });
}

export function tokenOf(url: string): string {
  const token = url.split("/approve/")[1];
  if (!token) throw new Error(`not an approval link: ${url}`);
  return token;
}
