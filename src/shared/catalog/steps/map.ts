import { z } from "zod";
import type { StepTypeMetadata } from "../types";
import { EXPRESSION_HINT, inputPort, outputPort } from "./common";
import { childSegmentFields } from "./subsegment";

export const mapConfigSchema = z
  .strictObject({
    items: z
      .string()
      .min(1, { error: "items must not be empty" })
      .describe(`${EXPRESSION_HINT} Must give an array; each item is the input of one child run.`),
    ...childSegmentFields,
    concurrency: z.int().min(1).max(64).default(4).describe("How many child runs may run at the same time."),
  })
  .describe("Configuration of a map step.");

export type MapConfig = z.output<typeof mapConfigSchema>;

export const mapMetadata: StepTypeMetadata<typeof mapConfigSchema> = {
  type_id: "map",
  display_name: "Map",
  category: "flow",
  description: "Runs a segment once per item of an array and outputs their results in order.",
  icon: "list",
  config_schema: mapConfigSchema,
  ports: {
    inputs: [inputPort("workflow", "any", "Data the items expression can read as step_input.")],
    outputs: [outputPort("workflow", "array", "The child runs' outputs, in item order.")],
  },
  expression_fields: { jsonata: ["items"], templates: [] },
};
