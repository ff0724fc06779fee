// `steps.try`: run one step alone with sample input, without saving anything (Dify's
// single-node run). Shapes shared by the tRPC procedure and the editor's Try panel.
import { z } from "zod";

export const tryStepInputSchema = z.object({
  /** The step as in the contract (the editor's current, possibly unsaved, version). */
  step: z.record(z.string(), z.unknown()),
  /** The step input (`step_input` in expressions). */
  input: z.unknown(),
  /** The run input (`input` in expressions); default: the step input. */
  run_input: z.unknown().optional(),
  /** Outputs of other steps (`steps.<id>` in expressions); default: none. */
  steps: z.record(z.string(), z.unknown()).optional(),
});
export type TryStepInput = z.infer<typeof tryStepInputSchema>;

export const tryStepResultSchema = z.object({
  /**
   * completed: `output` holds the result. failed: `error` says why (bad config included).
   * unsupported: this type cannot run alone (it needs a run: human approval, subsegment, map),
   * `error.message` says what it would do instead.
   */
  status: z.enum(["completed", "failed", "unsupported"]),
  output: z.unknown(),
  /** The output port taken (condition: "true"/"false"). */
  port: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  duration_ms: z.number(),
  tokens: z.object({ input: z.int(), output: z.int() }),
  cost: z.number(),
  /** Events the step recorded on the way (critic_loop: one per round), in order. */
  events: z.array(z.object({ type: z.string(), payload: z.unknown() })).optional(),
});
export type TryStepResult = z.infer<typeof tryStepResultSchema>;
