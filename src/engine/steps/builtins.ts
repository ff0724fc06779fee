/** The built-in step handlers, one per catalog type. */
import { conditionHandler } from "./condition";
import { criticLoopHandler } from "./critic-loop";
import { delayHandler } from "./delay";
import { httpRequestHandler } from "./http-request";
import { humanApprovalHandler } from "./human-approval";
import { llmAgentHandler } from "./llm-agent";
import { mapHandler } from "./map";
import { StepRegistry } from "./registry";
import { subsegmentHandler } from "./subsegment";
import { transformHandler } from "./transform";
import type { StepHandler } from "./types";

export const BUILTIN_HANDLERS: readonly StepHandler<never>[] = [
  llmAgentHandler,
  criticLoopHandler,
  transformHandler,
  conditionHandler,
  httpRequestHandler,
  humanApprovalHandler,
  delayHandler,
  subsegmentHandler,
  mapHandler,
] as unknown as readonly StepHandler<never>[];

/** A fresh registry with the built-in handlers; register custom types on it. */
export function createBuiltinRegistry(): StepRegistry {
  const registry = new StepRegistry();
  for (const handler of BUILTIN_HANDLERS) registry.register(handler);
  return registry;
}
