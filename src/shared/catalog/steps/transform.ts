import { z } from "zod";
import type { StepTypeMetadata } from "../types";
import { EXPRESSION_HINT, inputPort, outputPort } from "./common";

export const transformConfigSchema = z
  .strictObject({
    expression: z
      .string()
      .min(1, { error: "expression must not be empty" })
      .describe(`${EXPRESSION_HINT} Its result is the step output.`),
  })
  .describe("Configuration of a transform step.");

export type TransformConfig = z.output<typeof transformConfigSchema>;

export const transformMetadata: StepTypeMetadata<typeof transformConfigSchema> = {
  type_id: "transform",
  display_name: "Transform",
  category: "logic",
  description: "Reshapes data with a JSONata expression and outputs the result.",
  icon: "code",
  config_schema: transformConfigSchema,
  ports: {
    inputs: [inputPort("workflow", "any", "Data the expression can read as step_input.")],
    outputs: [outputPort("workflow", "any", "The value of the expression.")],
  },
  expression_fields: { jsonata: ["expression"], templates: [] },
};
