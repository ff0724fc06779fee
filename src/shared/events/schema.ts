/**
 * Run events: the append-only, per-run numbered log of what happened (docs/contracts/event-contract.md).
 * The engine writes them; the API replays them from a `seq`; socket.io and SSE fan them out.
 * `llm.token` is the one live-only event: no `seq`, never stored.
 */
import { z } from "zod";
import { approvalSchema, stepErrorSchema, tokenCountSchema } from "../resources/run-detail";

export const RUN_EVENT_TYPES = [
  "segment.started",
  "segment.completed",
  "segment.failed",
  "segment.cancelled",
  "segment.paused",
  "segment.resumed",
  "step.started",
  "step.completed",
  "step.failed",
  "step.retrying",
  "step.skipped",
  "step.waiting",
  "step.cancelled",
  "human.decided",
  "critic_loop.iteration",
  "critic_loop.completed",
] as const;
export type RunEventType = (typeof RUN_EVENT_TYPES)[number];

export const LIVE_EVENT_TYPES = ["llm.token"] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

const runErrorPayload = z.object({ code: z.string(), message: z.string(), step_id: z.string().optional() });

/** Payload schema of every stored event type. */
export const eventPayloadSchemas = {
  "segment.started": z.object({
    revision: z.number().int(),
    input: z.unknown(),
    parent_run_id: z.string().nullable(),
    parent_step_id: z.string().nullable(),
  }),
  "segment.completed": z.object({
    output: z.unknown(),
    tokens: tokenCountSchema,
    cost: z.number(),
    duration_ms: z.number(),
  }),
  "segment.failed": z.object({ error: runErrorPayload }),
  "segment.cancelled": z.object({ reason: z.string().nullable() }),
  "segment.paused": z.object({}),
  "segment.resumed": z.object({}),
  "step.started": z.object({ step_type: z.string(), attempt: z.number().int(), input: z.unknown() }),
  "step.completed": z.object({
    attempt: z.number().int(),
    output: z.unknown(),
    duration_ms: z.number(),
    reused: z.boolean(),
    tokens: tokenCountSchema,
    cost: z.number(),
  }),
  "step.failed": z.object({
    attempt: z.number().int(),
    error: stepErrorSchema,
    /** on_error continue: the step failed but its output `{error}` flows on. */
    continued: z.boolean(),
  }),
  "step.retrying": z.object({
    attempt: z.number().int(),
    next_attempt: z.number().int(),
    delay_ms: z.number(),
    next_attempt_at: z.string(),
    error: stepErrorSchema,
  }),
  "step.skipped": z.object({ reason: z.string() }),
  "step.waiting": z.object({ approval: approvalSchema }),
  "step.cancelled": z.object({ attempt: z.number().int() }),
  "human.decided": z.object({
    approval_id: z.string(),
    status: z.enum(["approved", "rejected", "expired"]),
    decision: z.enum(["approved", "rejected"]).nullable(),
    edited: z.boolean(),
    data: z.unknown(),
    comment: z.string().nullable(),
    decided_by: z.string(),
    decided_at: z.string(),
  }),
  "critic_loop.iteration": z.object({
    attempt: z.number().int(),
    iteration: z.number().int(),
    output: z.unknown(),
    verdict: z.enum(["approved", "needs_revision", "rejected"]),
    score: z.number(),
    feedback: z.string(),
    suggestions: z.array(z.string()),
  }),
  "critic_loop.completed": z.object({
    attempt: z.number().int(),
    reason: z.enum(["quality_threshold", "rejected", "no_improvement", "max_iterations"]),
    iterations: z.number().int(),
    final_score: z.number(),
    converged: z.boolean(),
  }),
} as const satisfies Record<RunEventType, z.ZodType>;

export type EventPayloads = { [K in RunEventType]: z.infer<(typeof eventPayloadSchemas)[K]> };

const envelope = {
  event_id: z.string(),
  run_id: z.string(),
  root_run_id: z.string(),
  segment_id: z.string(),
  /** Per run, gap-free, from 1. */
  seq: z.number().int().min(1),
  step_id: z.string().optional(),
  /** ISO 8601 UTC. */
  ts: z.string(),
  correlation_id: z.string(),
};

const variant = <T extends RunEventType>(type: T) =>
  z.object({ ...envelope, type: z.literal(type), payload: eventPayloadSchemas[type] });

export const runEventSchema = z.discriminatedUnion(
  "type",
  RUN_EVENT_TYPES.map((type) => variant(type)) as unknown as [ReturnType<typeof variant>, ...ReturnType<typeof variant>[]],
);

/** A stored event of one type. */
export type RunEventOf<T extends RunEventType> = {
  event_id: string;
  run_id: string;
  root_run_id: string;
  segment_id: string;
  seq: number;
  type: T;
  step_id?: string;
  ts: string;
  correlation_id: string;
  payload: EventPayloads[T];
};
/** Any stored event (a discriminated union on `type`). */
export type RunEvent = { [T in RunEventType]: RunEventOf<T> }[RunEventType];

export const llmTokenPayloadSchema = z.object({
  attempt: z.number().int(),
  /** Which call of the step: `generator`/`critic` in a critic_loop, `agent` otherwise. */
  role: z.string(),
  /** 0-based position of the token in its call. */
  index: z.number().int(),
  token: z.string(),
});

/** `llm.token`: live only (no seq, not stored); the full text lands in the step output. */
export const liveEventSchema = z.object({
  event_id: z.string(),
  run_id: z.string(),
  root_run_id: z.string(),
  segment_id: z.string(),
  type: z.literal("llm.token"),
  step_id: z.string(),
  ts: z.string(),
  correlation_id: z.string(),
  payload: llmTokenPayloadSchema,
});
export type LiveEvent = z.infer<typeof liveEventSchema>;

export function isRunEventType(type: string): type is RunEventType {
  return (RUN_EVENT_TYPES as readonly string[]).includes(type);
}
