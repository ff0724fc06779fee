/**
 * One LLM call as the AI steps make it: render the prompt, stream tokens live (`llm.token`),
 * return the text and what it cost. Shared by llm_agent and critic_loop.
 */
import { StepError } from "../errors";
import type { LlmResult } from "../ports";
import type { StepContext, StepUsage } from "../steps/types";

export interface LlmCallConfig {
  llm_ref: string;
  system_prompt: string;
  user_prompt_template?: string | undefined;
  temperature: number;
  max_tokens?: number | undefined;
  mock_responses?: string[] | undefined;
}

export interface LlmCallResult {
  text: string;
  usage: StepUsage;
}

export const addUsage = (a: StepUsage, b: StepUsage): StepUsage => ({
  input_tokens: a.input_tokens + b.input_tokens,
  output_tokens: a.output_tokens + b.output_tokens,
  cost: a.cost + b.cost,
});

export const NO_USAGE: StepUsage = { input_tokens: 0, output_tokens: 0, cost: 0 };

/** The default user prompt: the step input as text. */
export function defaultPrompt(input: unknown): string {
  if (typeof input === "string") return input;
  return input === undefined ? "" : JSON.stringify(input);
}

export async function callLlm(
  ctx: StepContext<unknown>,
  config: LlmCallConfig,
  options: { prompt: string; role: string; mockIndex: number; signal?: AbortSignal },
): Promise<LlmCallResult> {
  const client = ctx.llm.get(config.llm_ref);
  if (!client) {
    throw new StepError("unknown_llm_ref", `unknown llm_ref "${config.llm_ref}": configure it in LLMTEAM_LLMS or use "mock"`, {
      retryable: false,
    });
  }
  const generator = client.generate({
    system: config.system_prompt,
    prompt: options.prompt,
    temperature: config.temperature,
    ...(config.max_tokens === undefined ? {} : { max_tokens: config.max_tokens }),
    signal: options.signal ?? ctx.signal,
    mock: { ...(config.mock_responses ? { responses: config.mock_responses } : {}), index: options.mockIndex },
  });
  let index = 0;
  let result: LlmResult;
  try {
    for (;;) {
      const next = await generator.next();
      if (next.done) {
        result = next.value;
        break;
      }
      ctx.token(options.role, index++, next.value);
    }
  } catch (error) {
    if (error instanceof StepError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new StepError("llm_error", `${config.llm_ref}: ${message}`);
  }
  return {
    text: result.text,
    usage: { input_tokens: result.usage.input_tokens, output_tokens: result.usage.output_tokens, cost: result.cost ?? 0 },
  };
}
