// POST /api/v1/hooks/{segment_id}/{token}: the webhook trigger. The token in the URL is the
// credential (generated and rotated in the editor's segment settings).
import { z } from "zod";
import { consumeWebhookStart } from "../../rate-limit/run-start-limit";
import { triggerSegmentWebhook, WEBHOOK_WAIT_MAX_SECONDS } from "../../services/webhooks/segment-webhook";
import { runErrorSchema, runStatusSchema } from "../../../shared/resources/run-resource";
import { defineRoute } from "../define-route";
import { named } from "../schemas/registry";

const hookParamsSchema = z.object({
  segment_id: z.string().min(1).max(64).describe("The segment_id"),
  token: z.string().min(1).max(200).describe("The trigger's token, as shown in the segment's settings"),
});

const hookQuerySchema = z.object({
  wait: z.coerce
    .number({ error: "must be a number of seconds" })
    .min(0, "must be at least 0")
    .max(WEBHOOK_WAIT_MAX_SECONDS, `must be at most ${WEBHOOK_WAIT_MAX_SECONDS}`)
    .optional()
    .describe(`Wait up to this many seconds (0–${WEBHOOK_WAIT_MAX_SECONDS}) for the run to finish and answer with its output`),
});

const hookReplySchema = named(
  "WebhookRun",
  z.object({
    run_id: z.string(),
    status: runStatusSchema,
    output: z.unknown().describe("The run's output once it completed (with ?wait=); null otherwise"),
    error: runErrorSchema,
  }),
);

export const webhookRoute = defineRoute({
  method: "POST",
  path: "/api/v1/hooks/{segment_id}/{token}",
  access: "public",
  operationId: "triggerWebhook",
  summary: "Webhook trigger",
  description:
    "Starts a run of the segment's latest revision with the request body (any JSON; empty = `{}`) as its input. " +
    "The segment must have its webhook trigger enabled (segment settings in the editor, which show this URL and rotate its token). " +
    "Answers **202** at once, or with `?wait=N` waits up to N seconds: **200** with the output when the run finished (or is waiting for a person) by then, **202** otherwise. " +
    "A disabled trigger, a rotated token and an unknown segment are all **404**. Input not matching the segment's `input_schema` is **422**.",
  tags: ["Triggers"],
  params: hookParamsSchema,
  query: hookQuerySchema,
  body: z.unknown(),
  bodyExample: { name: "Ada" },
  responses: {
    202: { description: "Accepted: the run is starting (or still running after `wait`)", schema: hookReplySchema },
    200: { description: "With `?wait=`: the run finished (or waits for a person) in time", schema: hookReplySchema },
    404: { description: "No enabled trigger with this token for this segment" },
    429: {
      description:
        "Too many runs started through this trigger (`LLMTEAM_RATE_LIMIT_RUNS_PER_MIN` per minute per segment and token): `rate_limited`; the `Retry-After` header says how many seconds to wait",
    },
  },
  async handler({ ctx, params, query, body }) {
    await consumeWebhookStart(params.segment_id, params.token, ctx.app.config);
    const { run, finished } = await triggerSegmentWebhook(ctx.services, {
      segment_id: params.segment_id,
      token: params.token,
      correlation_id: ctx.correlationId,
      body,
      waitSeconds: query.wait ?? 0,
    });
    return {
      status: finished ? 200 : 202,
      body: { run_id: run.run_id, status: run.status, output: run.status === "completed" ? run.output : null, error: run.error },
      headers: { location: `/api/v1/runs/${run.run_id}` },
    };
  },
});
