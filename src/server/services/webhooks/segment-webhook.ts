// The webhook trigger of a segment (issue 6): enable (a new random token), rotate (a new token; the
// old URL stops at once), disable, read; and the trigger itself, which starts a run with the
// request body as input and can wait for it to finish.
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { RunDetail } from "../../../shared/resources/run-detail";
import type { RunServiceContext, ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { getRun } from "../runs/get-run";
import { startRun } from "../runs/start-run";

export const WEBHOOK_WAIT_MAX_SECONDS = 60;
const WAIT_POLL_MS = 50;

export type SegmentWebhookView = {
  segment_id: string;
  enabled: boolean;
  /** The URL to POST to; null while disabled. */
  url: string | null;
  created_at: string | null;
  rotated_at: string | null;
};

/** 32 random bytes, URL-safe: unguessable, and fine in a path segment. */
const newToken = () => randomBytes(32).toString("base64url");

function hookUrl(publicUrl: string, segmentId: string, token: string): string {
  return `${publicUrl}/api/v1/hooks/${encodeURIComponent(segmentId)}/${token}`;
}

async function requireSegment(ctx: ServiceContext, segmentId: string): Promise<void> {
  if (!(await ctx.repos.segments.get(segmentId))) throw notFound(`Segment "${segmentId}"`);
}

export async function getSegmentWebhook(ctx: ServiceContext, input: { segment_id: string; publicUrl: string }): Promise<SegmentWebhookView> {
  await requireSegment(ctx, input.segment_id);
  const hook = await ctx.repos.webhooks.get(input.segment_id);
  return {
    segment_id: input.segment_id,
    enabled: hook !== null,
    url: hook ? hookUrl(input.publicUrl, input.segment_id, hook.token) : null,
    created_at: hook?.createdAt.toISOString() ?? null,
    rotated_at: hook?.rotatedAt.toISOString() ?? null,
  };
}

/** Enables the trigger, or rotates its token when it is enabled already. */
export async function setSegmentWebhookToken(ctx: ServiceContext, input: { segment_id: string; publicUrl: string }): Promise<SegmentWebhookView> {
  await requireSegment(ctx, input.segment_id);
  await ctx.repos.webhooks.setToken(input.segment_id, newToken());
  return getSegmentWebhook(ctx, input);
}

export async function disableSegmentWebhook(ctx: ServiceContext, input: { segment_id: string; publicUrl: string }): Promise<SegmentWebhookView> {
  await requireSegment(ctx, input.segment_id);
  await ctx.repos.webhooks.remove(input.segment_id);
  return getSegmentWebhook(ctx, input);
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export type WebhookOutcome = { run: RunDetail; finished: boolean };

/**
 * Starts a run for a webhook call. An unknown segment, a disabled trigger and a wrong token all
 * answer the same 404, so the URL reveals nothing to someone guessing. With `waitSeconds`, waits
 * up to that long for the run to finish (or to wait for a person) before answering.
 */
export async function triggerSegmentWebhook(
  ctx: RunServiceContext,
  input: { segment_id: string; token: string; body: unknown; waitSeconds: number; correlation_id?: string | undefined },
): Promise<WebhookOutcome> {
  const hook = await ctx.repos.webhooks.get(input.segment_id);
  if (!hook || !sameToken(hook.token, input.token)) {
    throw new AppError("not_found", "No webhook trigger at this URL: it is disabled, or its token was rotated");
  }
  const started = await startRun(ctx, { segment_id: input.segment_id, input: input.body ?? {}, correlation_id: input.correlation_id });
  if (input.waitSeconds <= 0) return { run: started, finished: false };
  const until = Date.now() + input.waitSeconds * 1000;
  for (;;) {
    const run = await getRun(ctx, { run_id: started.run_id });
    const settled = run.status === "completed" || run.status === "failed" || run.status === "cancelled" || run.status === "waiting" || run.status === "paused";
    if (settled || Date.now() >= until) return { run, finished: settled };
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
}
