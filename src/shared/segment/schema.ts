/**
 * The segment contract: the single source of truth for a segment (workflow) JSON document.
 * Editor, API, CLI and engine all parse with this schema; docs/contracts/segment.schema.json
 * is generated from it. Field names follow the Python llmteam contract.
 *
 * Strict objects everywhere (unknown keys are reported), except the open bags:
 * `metadata`, `ui` (editor extras), `config` (checked per step type by the catalog)
 * and `input_schema` (any JSON Schema object).
 */
import { z } from "zod";
import {
  CONTRACT_VERSION,
  NAME_MAX_LENGTH,
  SEGMENT_ID_MAX_LENGTH,
  SEGMENT_ID_PATTERN,
  STEP_ID_MAX_LENGTH,
  STEP_ID_PATTERN,
} from "./ids";

export { CONTRACT_VERSION, SEGMENT_ID_PATTERN, STEP_ID_PATTERN } from "./ids";

const nonEmpty = (field: string) => z.string().min(1, { error: `${field} must not be empty`, abort: true });

const nameSchema = (field: string) =>
  nonEmpty(field).max(NAME_MAX_LENGTH, { error: `${field} must be at most ${NAME_MAX_LENGTH} characters` });

const openObject = () => z.record(z.string(), z.unknown());

export const segmentIdSchema = nonEmpty("segment_id")
  .max(SEGMENT_ID_MAX_LENGTH, {
    error: `segment_id must be at most ${SEGMENT_ID_MAX_LENGTH} characters`,
    abort: true,
  })
  .regex(SEGMENT_ID_PATTERN, {
    error:
      "segment_id may contain only lowercase letters a-z, digits, \"_\" and \"-\", and must start with a letter or digit (e.g. \"article_writer\")",
  })
  .describe("Stable identity of the segment: a lowercase slug, 1-64 characters.");

export const stepIdSchema = nonEmpty("step_id")
  .max(STEP_ID_MAX_LENGTH, { error: `step_id must be at most ${STEP_ID_MAX_LENGTH} characters`, abort: true })
  .regex(STEP_ID_PATTERN, {
    error: "step_id may contain only letters, digits, \"_\" and \"-\", and must not start with \"-\" (e.g. \"step_1\")",
  })
  .describe("Id of the step, unique within the segment.");

export const retryPolicySchema = z
  .strictObject({
    max_attempts: z
      .int()
      .min(1, { error: "max_attempts must be at least 1 (it counts all attempts, the first one included)" })
      .default(1)
      .describe("Total number of attempts, the first one included. 1 means no retry."),
    initial_seconds: z.number().min(0).optional().describe("Delay before the first retry, in seconds."),
    multiplier: z.number().min(1).optional().describe("Factor applied to the delay after each retry."),
    max_seconds: z.number().min(0).optional().describe("Upper bound of the delay between attempts, in seconds."),
  })
  .describe("Retry policy of a step.");

export const stepUiSchema = z
  .looseObject({
    x: z.number().describe("Horizontal position on the canvas."),
    y: z.number().describe("Vertical position on the canvas."),
  })
  .describe("Editor layout. Extra editor keys (width, collapsed, group, ...) are allowed.");

export const stepSchema = z
  .strictObject({
    step_id: stepIdSchema,
    type: nonEmpty("type").describe("Step type id from the step catalog, e.g. \"llm_agent\"."),
    name: nameSchema("name").optional().describe("Display name of the step."),
    config: openObject().describe("Step configuration, validated against the step type's config schema."),
    retry: retryPolicySchema.optional(),
    timeout_seconds: z.number().positive().optional().describe("Time limit of one attempt, in seconds."),
    on_error: z
      .enum(["fail", "continue"])
      .optional()
      .describe("What the run does when the step fails after its last attempt. Default: fail."),
    ui: stepUiSchema.optional(),
  })
  .describe("A node of the segment.");

export const edgeSchema = z
  .strictObject({
    from_step: nonEmpty("from_step").describe("step_id of the source step."),
    to_step: nonEmpty("to_step").describe("step_id of the target step."),
    from_port: nonEmpty("from_port").optional().describe("Output port of the source step."),
    to_port: nonEmpty("to_port").optional().describe("Input port of the target step."),
    condition: z
      .string()
      .min(1, { error: "condition must not be empty: omit it for an unconditional edge" })
      .optional()
      .describe("Expression; the edge is followed only when it evaluates to true."),
  })
  .describe("A connection between two steps.");

export const segmentSchema = z
  .strictObject({
    version: z
      .literal(CONTRACT_VERSION, {
        error: (issue) =>
          `unsupported contract version ${JSON.stringify(issue.input)}: only "${CONTRACT_VERSION}" is supported`,
      })
      .default(CONTRACT_VERSION)
      .describe("Contract format version."),
    segment_id: segmentIdSchema,
    name: nameSchema("name").describe("Display name of the segment."),
    description: z.string().optional().describe("Free text description."),
    entrypoint: nonEmpty("entrypoint").describe("step_id of the step the run starts with."),
    input_schema: openObject().optional().describe("JSON Schema of the run input."),
    steps: z.array(stepSchema).describe("The steps (nodes) of the segment."),
    edges: z
      .array(edgeSchema)
      .default(() => [])
      .describe("The edges (connections) between steps."),
    metadata: openObject().optional().describe("Free-form metadata (tags, author, ...)."),
  })
  .meta({
    title: "LLMTeam segment",
    description: "A segment (workflow) document of LLMTeam Canvas, contract version 1.0.",
  });

/** A parsed segment: defaults applied (`version`, `edges`, `retry.max_attempts`). */
export type Segment = z.output<typeof segmentSchema>;
/** A segment document as written by a user or tool: defaulted fields may be omitted. */
export type SegmentInput = z.input<typeof segmentSchema>;
export type Step = z.output<typeof stepSchema>;
export type Edge = z.output<typeof edgeSchema>;
export type StepUi = z.output<typeof stepUiSchema>;
export type RetryPolicy = z.output<typeof retryPolicySchema>;
