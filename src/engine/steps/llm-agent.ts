/**
 * llm_agent: renders `user_prompt_template` (default: the step input as text), calls the LLM
 * through the registry, streams tokens live and outputs the text, or with `output_format: json`
 * the parsed JSON (checked against `output_schema`; code `invalid_output` otherwise, retryable).
 * Tokens and cost are recorded on the step and summed on the run.
 */
import { llmAgentConfigSchema } from "../../shared/catalog";
import { StepError } from "../errors";
import { jsonSchemaProblems } from "../json-schema";
import { callLlm, defaultPrompt } from "../llm/call";
import { complete, defineHandler } from "./types";

/** Parses a JSON answer, tolerating a ```json fenced block around it. */
export function parseJsonAnswer(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(text);
  try {
    return { ok: true, value: JSON.parse(fenced ? (fenced[1] ?? "") : text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export const llmAgentHandler = defineHandler({
  type: "llm_agent",
  config: llmAgentConfigSchema,
  async start(ctx) {
    const { config } = ctx;
    const prompt = config.user_prompt_template === undefined ? defaultPrompt(ctx.input) : await ctx.render(config.user_prompt_template);
    const { text, usage } = await callLlm(ctx, config, { prompt, role: "agent", mockIndex: ctx.attempt - 1 });
    if (config.output_format !== "json") return complete(text, { usage });
    const parsed = parseJsonAnswer(text);
    if (!parsed.ok) {
      throw new StepError("invalid_output", `the answer is not JSON (${parsed.message}): ${text.slice(0, 200)}`, { usage });
    }
    if (config.output_schema) {
      const problems = jsonSchemaProblems(config.output_schema, parsed.value);
      if (problems.length > 0) {
        throw new StepError("invalid_output", `the answer does not match output_schema: ${problems.join("; ")}`, {
          usage,
          details: { problems },
        });
      }
    }
    return complete(parsed.value, { usage });
  },
});
