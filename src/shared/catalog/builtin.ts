/** The nine built-in step types. */
import { StepCatalog } from "./catalog";
import { conditionMetadata } from "./steps/condition";
import { criticLoopMetadata } from "./steps/critic_loop";
import { delayMetadata } from "./steps/delay";
import { httpRequestMetadata } from "./steps/http_request";
import { humanApprovalMetadata } from "./steps/human_approval";
import { llmAgentMetadata } from "./steps/llm_agent";
import { mapMetadata } from "./steps/map";
import { subsegmentMetadata } from "./steps/subsegment";
import { transformMetadata } from "./steps/transform";
import type { StepTypeMetadata } from "./types";

export const BUILTIN_STEP_TYPES: readonly StepTypeMetadata[] = [
  llmAgentMetadata,
  criticLoopMetadata,
  transformMetadata,
  conditionMetadata,
  httpRequestMetadata,
  humanApprovalMetadata,
  delayMetadata,
  subsegmentMetadata,
  mapMetadata,
];

/** A fresh catalog with the built-in types (add custom types to it with register()). */
export function createBuiltinCatalog(): StepCatalog {
  const catalog = new StepCatalog();
  for (const meta of BUILTIN_STEP_TYPES) catalog.register(meta);
  return catalog;
}

/** The shared built-in catalog. Do not register into it: make your own with createBuiltinCatalog(). */
export const builtinCatalog: StepCatalog = createBuiltinCatalog();
