/**
 * The step handler contract. A handler runs one attempt of a step and says how it ended:
 * `complete` (an output), `wait` (a human decision, durable), `suspend` (come back later:
 * at a time, or when child runs change) or `decide` (record a system decision on its approval,
 * then resume). Handlers throw StepError to fail the attempt (the retry policy applies).
 * Suspended handlers are called again through `resume` with their saved state: they keep no
 * memory between calls, so a restart in between loses nothing.
 */
import type { z } from "zod";
import type { EventPayloads } from "../../shared/events";
import type { Step } from "../../shared/segment";
import { StepError } from "../errors";
import type { ApprovalDecisionWrite, ApprovalRecord, RunError, RunStatus } from "../model";
import type { CancelTimer, HttpFetch, LlmRegistry } from "../ports";

export interface StepUsage {
  input_tokens: number;
  output_tokens: number;
  cost: number;
}

export interface ApprovalRequest {
  title: string;
  instructions?: string | null;
  /** JSON Schema of editable data; null: edits are refused. */
  form?: Record<string, unknown> | null;
  /** What the reviewer sees. */
  data: unknown;
  expires_at?: Date | null;
}

export interface ChildRunRequest {
  /** Stable within the step (map: the item index). */
  key: string;
  segment_id: string;
  /** Default: the latest revision. */
  revision?: number;
  input: unknown;
}

export type StepOutcome =
  | { kind: "complete"; output: unknown; port?: string; usage?: Partial<StepUsage> }
  | { kind: "wait"; approval: ApprovalRequest }
  | { kind: "suspend"; state?: unknown; wake_at?: Date | null; children?: ChildRunRequest[] }
  | { kind: "decide"; decision: ApprovalDecisionWrite };

/** A child run of this step as seen at resume time. */
export interface ChildView {
  key: string;
  run_id: string;
  status: RunStatus;
  output: unknown;
  error: RunError | null;
  usage: StepUsage;
}

export interface ResumeInfo {
  state: unknown;
  approval: ApprovalRecord | null;
  children: ChildView[];
}

/** What expressions and templates see. */
export interface ExpressionData {
  input: unknown;
  steps: Readonly<Record<string, unknown>>;
  step_input: unknown;
  [extra: string]: unknown;
}

export type HandlerEventType = "critic_loop.iteration" | "critic_loop.completed";

export interface StepContext<C = unknown> {
  readonly run_id: string;
  readonly root_run_id: string;
  readonly segment_id: string;
  readonly step: Step;
  readonly config: C;
  readonly attempt: number;
  /** The step input (see runtime-context.md). */
  readonly input: unknown;
  /** Aborted on timeout and cancel. */
  readonly signal: AbortSignal;
  /** Set when a suspended/waiting step is called again. */
  readonly resume: ResumeInfo | null;
  now(): Date;
  /** `{ input, steps, step_input }` plus `extra`. */
  data(extra?: Record<string, unknown>): ExpressionData;
  evaluate(expression: string, extra?: Record<string, unknown>): Promise<unknown>;
  render(template: string, extra?: Record<string, unknown>): Promise<string>;
  renderDeep(value: unknown, extra?: Record<string, unknown>): Promise<unknown>;
  /** Appends a stored event for this step now (committed and published before the step ends). */
  emit<T extends HandlerEventType>(type: T, payload: EventPayloads[T]): Promise<void>;
  /** Live-only `llm.token`. */
  token(role: string, index: number, token: string): void;
  readonly llm: LlmRegistry;
  readonly fetch: HttpFetch;
  /** Non-durable in-process timer (per-call timeouts). */
  setTimer(ms: number, callback: () => void): CancelTimer;
}

export interface StepHandler<C = unknown> {
  readonly type: string;
  /** Validates and defaults `step.config`; throws StepError `invalid_config`. */
  parseConfig(config: unknown): C;
  start(ctx: StepContext<C>): Promise<StepOutcome>;
  /** Called when a suspended/waiting step has something to look at. Required if start may suspend/wait. */
  resume?(ctx: StepContext<C>): Promise<StepOutcome>;
  /**
   * The step only computes: nothing outside the run sees it run, nothing is billed, and running it
   * again after a crash does no harm. The runner then need not commit "started" before it runs:
   * its start is committed with its result (one transaction per step less; see RunLoop#cycle).
   */
  readonly pure?: boolean;
}

export interface HandlerDefinition<S extends z.ZodType> {
  type: string;
  config: S;
  start(ctx: StepContext<z.output<S>>): Promise<StepOutcome>;
  resume?(ctx: StepContext<z.output<S>>): Promise<StepOutcome>;
  /** See StepHandler.pure. */
  pure?: boolean;
}

/** A handler whose config is a zod schema (the catalog's). */
export function defineHandler<S extends z.ZodType>(definition: HandlerDefinition<S>): StepHandler<z.output<S>> {
  const { type, config: schema } = definition;
  return {
    type,
    parseConfig(config: unknown) {
      const parsed = schema.safeParse(config);
      if (parsed.success) return parsed.data;
      const problems = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message));
      throw new StepError("invalid_config", `invalid ${type} config: ${problems.join("; ")}`, {
        retryable: false,
        details: { problems },
      });
    },
    start: definition.start,
    ...(definition.resume ? { resume: definition.resume } : {}),
    ...(definition.pure ? { pure: true } : {}),
  };
}

export const complete = (output: unknown, extra: { port?: string; usage?: Partial<StepUsage> } = {}): StepOutcome => ({
  kind: "complete",
  output,
  ...extra,
});
