/** The engine's public API. See docs/contracts/runtime-context.md and event-contract.md. */
export { createEngine, type Engine, type EngineOptions } from "./engine";
export { systemClock } from "./clock";
export { EngineError, LeaseLostError, StepError, type EngineErrorCode } from "./errors";
export { ExpressionError, evaluateExpression, isTruthy } from "./expressions/evaluate";
export { renderDeep, renderTemplate } from "./expressions/template";
export { MOCK_LLM_REF, mockLlm, withMockLlm } from "./llm/mock";
export type * from "./model";
export type * from "./ports";
export type { AdvanceResult } from "./runner/advance";
export type { DecideOptions } from "./commands/decide";
export type { StartRunOptions } from "./commands/start";
export {
  TRY_STEP_DEFAULT_TIMEOUT_SECONDS,
  TRY_STEP_MAX_TIMEOUT_SECONDS,
  tryStep,
  type TryStepOptions,
  type TryStepRequest,
} from "./commands/try-step";
export { toRunDetail } from "./resource/run-detail";
export { BUILTIN_HANDLERS, createBuiltinRegistry } from "./steps/builtins";
export { StepRegistry } from "./steps/registry";
export { complete, defineHandler, type StepContext, type StepHandler, type StepOutcome } from "./steps/types";
export { InProcessScheduler } from "./scheduling/in-process-scheduler";
