// Starting a run with an idempotency key (issue 6): a client that retries a start after a timeout
// or a dropped connection gets the run its first request started, never a second run.
//   same key, same body      → that run (the route answers 200 instead of 202)
//   same key, different body → conflict (409), nothing started
//   key older than 24 hours  → forgotten: a new run
// The key is reserved before the run starts (a primary key, so two concurrent requests cannot
// both start one) and freed again when the start is refused (invalid input), so a corrected
// retry with the same key works.
import { createHash } from "node:crypto";
import { canonicalJson } from "../../../shared/segment/canonical-json";
import type { RunDetail } from "../../../shared/resources/run-detail";
import type { RunServiceContext } from "../context";
import { AppError } from "../errors";
import { getRun } from "./get-run";
import { startRun } from "./start-run";

export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a retry waits for the request that holds its key to finish starting the run. */
const IN_FLIGHT_WAIT_MS = 5_000;

export type StartOnceInput = {
  segment_id: string;
  revision?: number | undefined;
  input?: unknown;
  timeout_seconds?: number | undefined;
  correlation_id?: string | undefined;
  idempotency_key: string;
};
export type StartOnceResult = { run: RunDetail; replayed: boolean };

export async function startRunOnce(ctx: RunServiceContext, input: StartOnceInput, now: () => Date = () => new Date()): Promise<StartOnceResult> {
  const scope = { principalId: ctx.principal.id, segmentId: input.segment_id, key: input.idempotency_key };
  const requestHash = createHash("sha256")
    .update(canonicalJson({ input: input.input ?? {}, revision: input.revision ?? null, timeout_seconds: input.timeout_seconds ?? null }))
    .digest("hex");
  const keys = ctx.repos.idempotencyKeys;
  const validAfter = () => new Date(now().getTime() - IDEMPOTENCY_KEY_TTL_MS);

  // The segment must exist before a key can refer to it (its foreign key), and a typo'd id is a 404.
  if (!(await ctx.repos.segments.get(input.segment_id))) {
    return { run: await startRun(ctx, input), replayed: false };
  }

  if (await keys.reserve(scope, requestHash, validAfter())) {
    try {
      const run = await startRun(ctx, input);
      await keys.complete(scope, run.run_id);
      return { run, replayed: false };
    } catch (error) {
      await keys.release(scope);
      throw error;
    }
  }

  const until = Date.now() + IN_FLIGHT_WAIT_MS;
  for (;;) {
    const held = await keys.find(scope);
    // Released meanwhile (the first request was refused): this request may start it.
    if (!held) return startRunOnce(ctx, input, now);
    if (held.requestHash !== requestHash) {
      throw new AppError("conflict", `The idempotency key "${input.idempotency_key}" was already used with a different request body: use a new key for a different run`, [
        { path: "idempotency_key", code: "idempotency_key_reused", message: "already used with a different body" },
      ]);
    }
    if (held.runId) return { run: await getRun(ctx, { run_id: held.runId }), replayed: true };
    if (Date.now() > until) {
      throw new AppError("conflict", `A request with the idempotency key "${input.idempotency_key}" is still starting its run: retry in a moment`, [
        { path: "idempotency_key", code: "idempotency_key_in_flight", message: "the first request has not finished" },
      ]);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
