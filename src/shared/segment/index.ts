export {
  CONTRACT_VERSION,
  NAME_MAX_LENGTH,
  SEGMENT_ID_MAX_LENGTH,
  SEGMENT_ID_PATTERN,
  STEP_ID_MAX_LENGTH,
  STEP_ID_PATTERN,
} from "./ids";
export {
  edgeSchema,
  retryPolicySchema,
  segmentIdSchema,
  segmentSchema,
  stepIdSchema,
  stepSchema,
  stepUiSchema,
  type Edge,
  type RetryPolicy,
  type Segment,
  type SegmentInput,
  type Step,
  type StepUi,
} from "./schema";
export { parseSegment, type ContractProblem, type ContractProblemCode, type ParseSegmentResult } from "./parse";
export { SEGMENT_JSON_SCHEMA_ID, segmentJsonSchema } from "./json-schema";
export { FALLBACK_SEGMENT_ID, isValidSegmentId, slugify } from "./slug";
