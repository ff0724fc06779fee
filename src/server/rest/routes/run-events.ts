// GET /api/v1/runs/{id}/events: the run's events as Server-Sent Events (replay, then live).
import { getRun } from "../../services/runs/get-run";
import { sseRunStream } from "../../realtime/sse-run-stream";
import { defineRoute } from "../define-route";
import { RestError } from "../errors";
import { runEventsQuerySchema, runIdParamsSchema } from "../schemas/runs";

/** `Last-Event-ID` as EventSource sends it: the seq of the last event received. */
function lastEventIdHeader(request: Request): number | undefined {
  const raw = request.headers.get("last-event-id");
  if (raw === null || raw.trim() === "") return undefined;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < 0) {
    throw new RestError(422, "invalid_input", "The Last-Event-ID header must be the seq of an event (a whole number ≥ 0)", [
      { in: "header", path: "last-event-id", message: "must be a whole number ≥ 0" },
    ]);
  }
  return value;
}

export const runEventsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/runs/{id}/events",
  operationId: "streamRunEvents",
  summary: "Follow a run (Server-Sent Events)",
  description:
    "The run's events as `text/event-stream`: first every stored event (or those after `Last-Event-ID` / `?last_event_id=`, the header winning), " +
    "then live ones as they are committed, with no gap and no duplicate in between. Each stored event is a frame `id: <seq>`, `event: <type>`, " +
    "`data: <event JSON>` (the envelope of docs/contracts/event-contract.md); `llm.token` frames stream LLM text live and carry no `id`. " +
    "The stream ends after the terminal event (`segment.completed`, `segment.failed` or `segment.cancelled`); for a finished run that is right after the replay. " +
    "An `EventSource` reconnects by itself and resumes after the last `id` it saw.",
  tags: ["Runs"],
  params: runIdParamsSchema,
  query: runEventsQuerySchema,
  responses: {
    200: {
      description: "The event stream",
      contentType: "text/event-stream",
      example:
        'id: 1\nevent: segment.started\ndata: {"run_id":"…","seq":1,"type":"segment.started",…}\n\n' +
        'id: 2\nevent: step.started\ndata: {"run_id":"…","seq":2,"type":"step.started","step_id":"greet",…}\n\n',
    },
    404: { description: "No such run" },
  },
  async handler({ ctx, params, query }) {
    const afterSeq = lastEventIdHeader(ctx.request) ?? query.last_event_id ?? 0;
    // A missing run is a JSON 404 before any stream starts.
    await getRun(ctx.services, { run_id: params.id });
    const body = sseRunStream({
      runId: params.id,
      afterSeq,
      events: ctx.app.runtime.events,
      log: ctx.app.db.runStore,
      signal: ctx.request.signal,
    });
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store, no-transform",
        connection: "keep-alive",
        // nginx and similar proxies: do not buffer the stream.
        "x-accel-buffering": "no",
      },
    });
  },
});
