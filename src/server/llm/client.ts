// An LlmClient over the AI SDK: streams with streamText, yields text deltas as they arrive,
// returns the whole text, usage and cost. Retries belong to the step's retry policy, so the
// SDK's own are off; the engine's AbortSignal (step timeout, cancel) stops the request.
import { streamText, type LanguageModel } from "ai";
import type { LlmClient, LlmRequest, LlmResult, LlmUsage } from "../../engine/ports";
import type { LlmRefConfig } from "../config/llms";
import { costOf } from "./cost";
import { abortError, toLlmStepError } from "./errors";

export function createAiSdkClient(ref: LlmRefConfig, model: LanguageModel): LlmClient {
  return {
    async *generate(request: LlmRequest): AsyncGenerator<string, LlmResult, void> {
      const { signal } = request;
      if (signal.aborted) throw abortError(signal, ref.ref);
      const temperature = request.temperature ?? ref.default_temperature;
      const maxOutputTokens = request.max_tokens ?? ref.default_max_tokens;
      const result = streamText({
        model,
        ...(request.system ? { system: request.system } : {}),
        prompt: request.prompt,
        ...(temperature === undefined ? {} : { temperature }),
        ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }),
        abortSignal: signal,
        maxRetries: 0,
        // Errors arrive as `error` parts below; the default handler would also log them.
        onError: () => {},
      });
      let text = "";
      let usage: LlmUsage = { input_tokens: 0, output_tokens: 0 };
      try {
        for await (const part of result.fullStream) {
          if (part.type === "text-delta") {
            if (part.text === "") continue;
            text += part.text;
            yield part.text;
          } else if (part.type === "finish") {
            usage = { input_tokens: part.totalUsage.inputTokens ?? 0, output_tokens: part.totalUsage.outputTokens ?? 0 };
          } else if (part.type === "error") {
            throw part.error;
          } else if (part.type === "abort") {
            throw abortError(signal, ref.ref);
          }
        }
      } catch (error) {
        throw signal.aborted ? abortError(signal, ref.ref) : toLlmStepError(error, ref);
      }
      if (signal.aborted) throw abortError(signal, ref.ref);
      return { text, usage, cost: costOf(usage, ref.price) };
    },
  };
}
