// /api/v1/segments/{id}/runs and /api/v1/runs: start, list, read, control and re-run runs.
// Thin: each handler calls the service the tRPC router calls.
import { consumeRunStart } from "../../rate-limit/run-start-limit";
import { listRuns } from "../../services/list-runs";
import { controlRun, type RunControlAction } from "../../services/runs/control-run";
import { getRun } from "../../services/runs/get-run";
import { rerunRun } from "../../services/runs/rerun-run";
import { startRun } from "../../services/runs/start-run";
import { startRunOnce } from "../../services/runs/start-run-once";
import { defineRoute } from "../define-route";
import { segmentIdParamsSchema } from "../schemas/segments";
import {
  listRunsQuerySchema,
  rerunBodySchema,
  runIdParamsSchema,
  runListPageSchema,
  runResourceSchema,
  startedRunSchema,
  startRunBodySchema,
} from "../schemas/runs";

const TAGS = ["Runs"];
export const RATE_LIMITED =
  "Too many runs started with this credential (`LLMTEAM_RATE_LIMIT_RUNS_PER_MIN` per minute, default 60): `rate_limited`; " +
  "the `Retry-After` header says how many seconds to wait";

export const startRunRoute = defineRoute({
  method: "POST",
  path: "/api/v1/segments/{id}/runs",
  operationId: "startRun",
  summary: "Start a run",
  description:
    "Starts a run of the segment's latest saved revision (or `revision`) with `input_data` as its input, and answers at once with **202**: " +
    "the run proceeds in the background; follow it with `GET /api/v1/runs/{id}/events` (SSE) or poll `GET /api/v1/runs/{id}`. " +
    "Input that does not match the segment's `input_schema` is a **422** `invalid_data` listing every problem, and no run is created. " +
    "With an `idempotency_key`, a retry of the same request (same key, same body) answers **200** with the run the first one started instead of starting another; " +
    "the same key with a different body is a **409**. Keys are kept 24 hours. " +
    "With `timeout_seconds`, a run that has not finished that long after it was accepted fails with error code `run_timeout` " +
    "(time spent waiting for a person or paused counts).",
  tags: TAGS,
  params: segmentIdParamsSchema,
  body: startRunBodySchema,
  bodyExample: { input_data: { name: "Ada" } },
  responses: {
    202: { description: "Accepted: the run is starting", schema: startedRunSchema, example: { run_id: "0197a3c2-5f1e-7b2a-9c1d-2e3f4a5b6c7d", status: "running" } },
    200: { description: "A retry with the same `idempotency_key` and body: the run the first request started, with its status now", schema: startedRunSchema },
    404: { description: "No such segment, or no such revision" },
    409: { description: "The segment has no saved revision yet (only a draft in the editor), or the `idempotency_key` was used with a different body" },
    429: { description: RATE_LIMITED },
  },
  async handler({ ctx, params, body }) {
    await consumeRunStart(ctx.principal, ctx.app.config);
    const request = {
      segment_id: params.id,
      revision: body.revision,
      input: body.input_data ?? {},
      timeout_seconds: body.timeout_seconds,
      correlation_id: ctx.correlationId,
    };
    const { run, replayed } = body.idempotency_key
      ? await startRunOnce(ctx.services, { ...request, idempotency_key: body.idempotency_key })
      : { run: await startRun(ctx.services, request), replayed: false };
    return { status: replayed ? 200 : 202, body: { run_id: run.run_id, status: run.status }, headers: { location: `/api/v1/runs/${run.run_id}` } };
  },
});

export const listRunsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/runs",
  operationId: "listRuns",
  summary: "List runs",
  description: "Runs, newest first, filtered by `segment_id` and `status`, a page at a time: pass `next_cursor` back as `?cursor=` until it is null.",
  tags: TAGS,
  query: listRunsQuerySchema,
  responses: { 200: { description: "A page of runs", schema: runListPageSchema } },
  async handler({ ctx, query }) {
    return { status: 200, body: await listRuns(ctx.services, query) };
  },
});

export const getRunRoute = defineRoute({
  method: "GET",
  path: "/api/v1/runs/{id}",
  operationId: "getRun",
  summary: "Get a run",
  description: "The run resource: status, input, output, error, every step of its revision (status, output, error, attempts, timings, tokens), tokens and cost.",
  tags: TAGS,
  params: runIdParamsSchema,
  responses: { 200: { description: "The run", schema: runResourceSchema }, 404: { description: "No such run" } },
  async handler({ ctx, params }) {
    return { status: 200, body: await getRun(ctx.services, { run_id: params.id }) };
  },
});

const CONTROL_TEXT: Record<RunControlAction, { summary: string; description: string; conflict: string }> = {
  cancel: {
    summary: "Cancel a run",
    description: "Cancels the run and its child runs: steps in flight are stopped, nothing new starts, pending approvals are cancelled.",
    conflict: "The run has already finished (completed, failed or cancelled)",
  },
  pause: {
    summary: "Pause a run",
    description: "Steps in flight finish; nothing new starts until `resume`. Decisions given meanwhile take effect on resume.",
    conflict: "The run has finished, or is already paused",
  },
  resume: {
    summary: "Resume a paused run",
    description: "Continues a paused run exactly where it stopped: no step runs twice.",
    conflict: "The run is not paused",
  },
};

function controlRoute(action: RunControlAction) {
  const text = CONTROL_TEXT[action];
  return defineRoute({
    method: "POST",
    path: `/api/v1/runs/{id}/${action}`,
    operationId: `${action}Run`,
    summary: text.summary,
    description: `${text.description} Answers with the run resource after the request was recorded.`,
    tags: TAGS,
    params: runIdParamsSchema,
    responses: {
      200: { description: "The run", schema: runResourceSchema },
      404: { description: "No such run" },
      409: { description: `${text.conflict}; the reason is in \`message\`` },
    },
    async handler({ ctx, params }) {
      return { status: 200, body: await controlRun(ctx.services, { run_id: params.id, action }) };
    },
  });
}

export const cancelRunRoute = controlRoute("cancel");
export const pauseRunRoute = controlRoute("pause");
export const resumeRunRoute = controlRoute("resume");

export const rerunRoute = defineRoute({
  method: "POST",
  path: "/api/v1/runs/{id}/rerun",
  operationId: "rerunRun",
  summary: "Re-run a run",
  description:
    "Starts a new run of the same revision. With `from_step`, the outputs of the steps before it are reused from this run (they do not execute again) " +
    "and that step and everything after it runs; `input_data` replaces the run input. Answers **202** with the new run.",
  tags: TAGS,
  params: runIdParamsSchema,
  body: rerunBodySchema,
  bodyExample: { from_step: "summarize" },
  responses: {
    202: { description: "Accepted: the new run is starting", schema: startedRunSchema },
    404: { description: "No such run, or no such step in its revision" },
    409: { description: "The run cannot be re-run from that step yet (it has not finished)" },
    429: { description: RATE_LIMITED },
  },
  async handler({ ctx, params, body }) {
    await consumeRunStart(ctx.principal, ctx.app.config);
    const run = await rerunRun(ctx.services, {
      run_id: params.id,
      correlation_id: ctx.correlationId,
      ...(body.from_step ? { from_step: body.from_step } : {}),
      ...(body.input_data === undefined ? {} : { input: body.input_data }),
    });
    return { status: 202, body: { run_id: run.run_id, status: run.status }, headers: { location: `/api/v1/runs/${run.run_id}` } };
  },
});
