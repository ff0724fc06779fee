export {
  PORT_DATA_TYPES,
  PORT_LEVELS,
  STEP_CATEGORIES,
  type ExpressionFields,
  type Port,
  type PortDataType,
  type PortLevel,
  type StepCategory,
  type StepPorts,
  type StepTypeMetadata,
} from "./types";
export { LEVEL_FEEDS, dataTypesCompatible, levelsCompatible, portsCompatible, type PortCompatibility } from "./ports";
export { StepCatalog, configJsonSchema, type StepTypeDescription } from "./catalog";
export { BUILTIN_STEP_TYPES, builtinCatalog, createBuiltinCatalog } from "./builtin";
export { PORT_FALSE, PORT_IN, PORT_OUT, PORT_TRUE } from "./steps/common";
export { llmAgentConfigSchema, llmAgentMetadata, type LlmAgentConfig } from "./steps/llm_agent";
export { transformConfigSchema, transformMetadata, type TransformConfig } from "./steps/transform";
export { conditionConfigSchema, conditionMetadata, type ConditionConfig } from "./steps/condition";
export { httpRequestConfigSchema, httpRequestMetadata, type HttpRequestConfig } from "./steps/http_request";
export { humanApprovalConfigSchema, humanApprovalMetadata, type HumanApprovalConfig } from "./steps/human_approval";
export { criticLoopConfigSchema, criticLoopMetadata, type CriticLoopConfig, type CriticRoleConfig } from "./steps/critic_loop";
export { delayConfigSchema, delayMetadata, type DelayConfig } from "./steps/delay";
export { subsegmentConfigSchema, subsegmentMetadata, type SubsegmentConfig } from "./steps/subsegment";
export { mapConfigSchema, mapMetadata, type MapConfig } from "./steps/map";
