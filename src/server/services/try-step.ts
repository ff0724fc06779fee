import { tryStep as tryStepAlone } from "../../engine";
import type { LlmRegistry } from "../../engine/ports";
import type { TryStepInput, TryStepResult } from "../../shared/resources/try-step";
import type { LlmRefConfig } from "../config/llms";
import { createLlmRegistry } from "../llm/registry";
import type { RunServiceContext } from "./context";
import { AppError } from "./errors";

/** Sample data for one step: a run's worth of input is plenty. */
export const MAX_TRY_INPUT_BYTES = 1024 * 1024;

/** Trying a step needs the engine's step registry and the configured LLM refs. */
export type TryStepContext = RunServiceContext & { llms: readonly LlmRefConfig[] };

// One registry per configuration (the config object lives as long as the process).
const registries = new WeakMap<readonly LlmRefConfig[], LlmRegistry>();

function llmRegistryFor(llms: readonly LlmRefConfig[]): LlmRegistry {
  let registry = registries.get(llms);
  if (!registry) {
    registry = createLlmRegistry(llms);
    registries.set(llms, registry);
  }
  return registry;
}

/**
 * Runs one step alone with sample input, without saving anything (no run, no events): the
 * editor's "Try a step". What the step does (fail included) comes back as the result.
 */
export async function tryStep(ctx: TryStepContext, input: TryStepInput): Promise<TryStepResult> {
  const bytes = Buffer.byteLength(JSON.stringify(input) ?? "", "utf8");
  if (bytes > MAX_TRY_INPUT_BYTES) {
    throw new AppError(
      "invalid_input",
      `The sample data is too large to try a step with (${(bytes / 1024).toFixed(0)} KB; at most ${MAX_TRY_INPUT_BYTES / 1024} KB)`,
      [{ path: "input", message: "too large" }],
    );
  }
  return tryStepAlone(
    { steps: ctx.engine.steps, llm: llmRegistryFor(ctx.llms) },
    { step: input.step, input: input.input, ...(input.run_input === undefined ? {} : { run_input: input.run_input }), ...(input.steps ? { steps: input.steps } : {}) },
  );
}
