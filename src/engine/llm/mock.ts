/**
 * The built-in `mock` LLM: offline and deterministic. It answers `mock.responses[index]` (the
 * last one repeats) or, without responses, echoes the prompt; it streams word by word and counts
 * words as tokens. Price: none (cost 0).
 */
import type { LlmClient, LlmRegistry, LlmRequest, LlmResult } from "../ports";

export const MOCK_LLM_REF = "mock";

const countWords = (text: string): number => text.split(/\s+/).filter((w) => w.length > 0).length;

/** Word-by-word tokens that concatenate back to `text` (whitespace kept on the word before it). */
export function wordTokens(text: string): string[] {
  return text.match(/\s*\S+\s*|\s+/g) ?? [];
}

export function mockAnswer(request: Pick<LlmRequest, "prompt" | "mock">): string {
  const responses = request.mock?.responses ?? [];
  if (responses.length === 0) return request.prompt;
  const index = Math.min(Math.max(0, request.mock?.index ?? 0), responses.length - 1);
  return responses[index] as string;
}

export const mockLlm: LlmClient = {
  async *generate(request: LlmRequest): AsyncGenerator<string, LlmResult, void> {
    const text = mockAnswer(request);
    for (const token of wordTokens(text)) {
      if (request.signal.aborted) throw request.signal.reason ?? new Error("aborted");
      yield token;
    }
    return {
      text,
      usage: { input_tokens: countWords(request.system) + countWords(request.prompt), output_tokens: countWords(text) },
      cost: 0,
    };
  },
};

/** A registry that resolves `mock` to the built-in mock and everything else through `inner`. */
export function withMockLlm(inner?: LlmRegistry): LlmRegistry {
  return {
    get(ref: string) {
      if (ref === MOCK_LLM_REF) return mockLlm;
      return inner?.get(ref);
    },
  };
}
