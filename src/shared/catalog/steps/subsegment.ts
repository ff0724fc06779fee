import { z } from "zod";
import { segmentIdSchema } from "../../segment/schema";
import type { StepTypeMetadata } from "../types";
import { EXPRESSION_HINT, inputPort, outputPort } from "./common";

/** `segment_id` + optional `revision` of the segment a child run executes (subsegment, map). */
export const childSegmentFields = {
  segment_id: segmentIdSchema.describe("segment_id of the segment to run."),
  revision: z
    .int()
    .min(1)
    .optional()
    .describe("Revision to run. Default: the latest revision when the run starts."),
};

export const subsegmentConfigSchema = z
  .strictObject({
    ...childSegmentFields,
    input: z
      .string()
      .min(1, { error: "input must not be empty: omit it to pass the step input" })
      .optional()
      .describe(`Input of the child run: a ${EXPRESSION_HINT} Default: the step input.`),
  })
  .describe("Configuration of a subsegment step.");

export type SubsegmentConfig = z.output<typeof subsegmentConfigSchema>;

export const subsegmentMetadata: StepTypeMetadata<typeof subsegmentConfigSchema> = {
  type_id: "subsegment",
  display_name: "Subsegment",
  category: "flow",
  description: "Runs another segment as a child run and outputs its result.",
  icon: "layers",
  config_schema: subsegmentConfigSchema,
  ports: {
    inputs: [inputPort("workflow", "any", "Default input of the child run.")],
    outputs: [outputPort("workflow", "any", "The child run's output.")],
  },
  expression_fields: { jsonata: ["input"], templates: [] },
};
