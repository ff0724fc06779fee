/**
 * critic_loop (seed P1-1): a generator drafts, a critic answers JSON
 * `{verdict, score, feedback, suggestions}`, the generator revises with that feedback, until:
 * - `quality_threshold`: the verdict is approved or score ≥ quality_threshold (converged);
 * - `rejected`: the verdict is rejected and stop_on_rejection;
 * - `no_improvement`: from the 2nd round, the score rose by less than improvement_threshold;
 * - `max_iterations`.
 * A critic answer of any other shape fails the step with `critic_output_invalid`. Each round
 * has `timeout_per_iteration` (code `timeout`) and emits `critic_loop.iteration`; the end emits
 * `critic_loop.completed`. A crash mid-loop reruns the step from round 1 as a new attempt.
 */
import { z } from "zod";
import { criticLoopConfigSchema, type CriticLoopConfig } from "../../shared/catalog";
import { StepError, toStepError } from "../errors";
import { addUsage, callLlm, defaultPrompt, NO_USAGE } from "../llm/call";
import { parseJsonAnswer } from "./llm-agent";
import { complete, defineHandler, type StepContext, type StepUsage } from "./types";

const feedbackSchema = z.object({
  verdict: z.enum(["approved", "needs_revision", "rejected"]),
  score: z.number().min(0).max(1),
  feedback: z.string(),
  suggestions: z.array(z.string()),
});
type Feedback = z.infer<typeof feedbackSchema>;
type Reason = "quality_threshold" | "rejected" | "no_improvement" | "max_iterations";

interface Round {
  iteration: number;
  output: string;
  feedback: Feedback;
}

export function parseCriticAnswer(text: string): Feedback {
  const parsed = parseJsonAnswer(text);
  const checked = parsed.ok ? feedbackSchema.safeParse(parsed.value) : null;
  if (checked?.success) return checked.data;
  const why = !parsed.ok ? `not JSON (${parsed.message})` : (checked?.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ") ?? "");
  throw new StepError("critic_output_invalid", `the critic must answer JSON {verdict, score, feedback, suggestions}: ${why}`, {
    details: { answer: text.slice(0, 500) },
  });
}

/** Why the loop stops after this round, or null to go on. */
export function stopReason(config: CriticLoopConfig, iteration: number, feedback: Feedback, previousScore: number): Reason | null {
  if (feedback.verdict === "approved" || feedback.score >= config.quality_threshold) return "quality_threshold";
  if (feedback.verdict === "rejected" && config.stop_on_rejection) return "rejected";
  if (iteration > 1 && feedback.score - previousScore < config.improvement_threshold) return "no_improvement";
  if (iteration >= config.max_iterations) return "max_iterations";
  return null;
}

function revisionNote(previous: Round): string {
  const suggestions = previous.feedback.suggestions.map((s) => `- ${s}`).join("\n");
  return `\n\nYour previous draft:\n${previous.output}\n\nCritic feedback (score ${previous.feedback.score}):\n${previous.feedback.feedback}${suggestions ? `\nSuggestions:\n${suggestions}` : ""}\n\nRevise the draft accordingly.`;
}

async function round(ctx: StepContext<CriticLoopConfig>, iteration: number, previous: Round | null, signal: AbortSignal) {
  const { generator, critic } = ctx.config;
  const loop = { iteration, previous_output: previous?.output ?? null, feedback: previous?.feedback ?? null };
  const base = generator.user_prompt_template === undefined ? defaultPrompt(ctx.input) : await ctx.render(generator.user_prompt_template, { loop });
  const draft = await callLlm(ctx, generator, { prompt: previous ? base + revisionNote(previous) : base, role: "generator", mockIndex: iteration - 1, signal });
  const criticPrompt =
    critic.user_prompt_template === undefined
      ? `Task:\n${defaultPrompt(ctx.input)}\n\nDraft to review:\n${draft.text}\n\nAnswer JSON {"verdict": "approved"|"needs_revision"|"rejected", "score": 0..1, "feedback": string, "suggestions": [string]}.`
      : await ctx.render(critic.user_prompt_template, { loop, output: draft.text });
  const review = await callLlm(ctx, critic, { prompt: criticPrompt, role: "critic", mockIndex: iteration - 1, signal });
  return { output: draft.text, answer: review.text, usage: addUsage(draft.usage, review.usage) };
}

export const criticLoopHandler = defineHandler({
  type: "critic_loop",
  config: criticLoopConfigSchema,
  async start(ctx) {
    const { config } = ctx;
    const history: Round[] = [];
    let usage: StepUsage = NO_USAGE;
    let previousScore = 0;
    for (let iteration = 1; ; iteration++) {
      const abort = new AbortController();
      const onAbort = () => abort.abort(ctx.signal.reason);
      ctx.signal.addEventListener("abort", onAbort, { once: true });
      const cancelTimer = ctx.setTimer(config.timeout_per_iteration * 1000, () =>
        abort.abort(new StepError("timeout", `critic_loop round ${iteration} took longer than ${config.timeout_per_iteration}s`)),
      );
      let feedback: Feedback;
      let output: string;
      try {
        const result = await round(ctx, iteration, history.at(-1) ?? null, abort.signal);
        usage = addUsage(usage, result.usage);
        output = result.output;
        feedback = parseCriticAnswer(result.answer);
      } catch (error) {
        const failure = toStepError(abort.signal.aborted && abort.signal.reason instanceof StepError ? abort.signal.reason : error);
        throw new StepError(failure.code, failure.message, { retryable: failure.retryable, ...(failure.details ? { details: failure.details } : {}), usage });
      } finally {
        cancelTimer();
        ctx.signal.removeEventListener("abort", onAbort);
      }
      history.push({ iteration, output, feedback });
      await ctx.emit("critic_loop.iteration", { attempt: ctx.attempt, iteration, output, ...feedback });
      const reason = stopReason(config, iteration, feedback, previousScore);
      if (reason !== null) {
        const converged = reason === "quality_threshold";
        await ctx.emit("critic_loop.completed", { attempt: ctx.attempt, reason, iterations: iteration, final_score: feedback.score, converged });
        return complete({ final_output: output, iterations: iteration, final_score: feedback.score, history, converged, reason }, { usage });
      }
      previousScore = feedback.score;
    }
  },
});
