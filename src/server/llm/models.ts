// One AI SDK language model per configured ref. Every provider gets its key explicitly from
// the ref (resolved by the config) and an explicit base URL, so no SDK reads process.env on its own.
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import type { LlmRefConfig } from "../config/llms";

// Explicit, so the SDKs never fall back to OPENAI_BASE_URL / ANTHROPIC_BASE_URL from the environment.
export const DEFAULT_BASE_URL = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com/v1",
} as const;

export function createLanguageModel(ref: LlmRefConfig): LanguageModel {
  const apiKey = ref.apiKey();
  const headers = ref.headers ? { ...ref.headers } : undefined;
  switch (ref.provider) {
    case "openai-compatible":
      if (!ref.base_url) throw new Error(`LLM ref "${ref.ref}": base_url is required for provider openai-compatible`);
      return createOpenAICompatible({
        name: ref.ref,
        baseURL: ref.base_url,
        ...(apiKey ? { apiKey } : {}),
        ...(headers ? { headers } : {}),
        // Asks for the final usage chunk (`stream_options.include_usage`) when streaming.
        includeUsage: true,
      }).chatModel(ref.model);
    case "openai":
      // Chat Completions rather than the Responses API: it is what OpenAI-style gateways and
      // proxies set as base_url speak too.
      return createOpenAI({
        apiKey: apiKey ?? "",
        baseURL: ref.base_url ?? DEFAULT_BASE_URL.openai,
        ...(headers ? { headers } : {}),
      }).chat(ref.model);
    case "anthropic":
      return createAnthropic({
        apiKey: apiKey ?? "",
        baseURL: ref.base_url ?? DEFAULT_BASE_URL.anthropic,
        ...(headers ? { headers } : {}),
      }).messages(ref.model);
  }
}
