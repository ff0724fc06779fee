// The LlmRegistry the server gives the engine: one AI SDK client per LLMTEAM_LLMS ref.
// The engine resolves the built-in `mock` itself (withMockLlm) before asking this registry.
import type { LlmClient, LlmRegistry } from "../../engine/ports";
import type { LlmRefConfig } from "../config/llms";
import { createAiSdkClient } from "./client";
import { createLanguageModel } from "./models";

export function createLlmRegistry(refs: readonly LlmRefConfig[] = []): LlmRegistry {
  const clients = new Map<string, LlmClient>();
  for (const ref of refs) clients.set(ref.ref, createAiSdkClient(ref, createLanguageModel(ref)));
  return { get: (ref) => clients.get(ref) };
}
