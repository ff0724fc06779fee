import { z } from "zod";
import type { StepTypeMetadata } from "../types";
import { EXPRESSION_HINT, inputPort, outputPort, PORT_FALSE, PORT_TRUE } from "./common";

export const conditionConfigSchema = z
  .strictObject({
    expression: z
      .string()
      .min(1, { error: "expression must not be empty" })
      .describe(`${EXPRESSION_HINT} Must give true or false; the output is that boolean.`),
  })
  .describe("Configuration of a condition step.");

export type ConditionConfig = z.output<typeof conditionConfigSchema>;

export const conditionMetadata: StepTypeMetadata<typeof conditionConfigSchema> = {
  type_id: "condition",
  display_name: "Condition",
  category: "logic",
  description: "Evaluates a JSONata expression to true or false and routes the run down the matching branch.",
  icon: "git-branch",
  config_schema: conditionConfigSchema,
  ports: {
    inputs: [inputPort("workflow", "any", "Data the expression can read as step_input.")],
    outputs: [
      outputPort("workflow", "boolean", "Taken when the expression is true.", PORT_TRUE, "True"),
      outputPort("workflow", "boolean", "Taken when the expression is false.", PORT_FALSE, "False"),
    ],
  },
  expression_fields: { jsonata: ["expression"], templates: [] },
};
