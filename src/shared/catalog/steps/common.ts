/** Pieces shared by the built-in step types: port builders and config field schemas. */
import { z } from "zod";
import type { Port, PortDataType, PortLevel } from "../types";

/** Stable port ids; the editor draws its handles with these. */
export const PORT_IN = "in";
export const PORT_OUT = "out";
export const PORT_TRUE = "true";
export const PORT_FALSE = "false";

export function inputPort(level: PortLevel, data_type: PortDataType, description: string): Port {
  return { id: PORT_IN, level, data_type, label: "Input", description };
}

export function outputPort(level: PortLevel, data_type: PortDataType, description: string, id = PORT_OUT, label = "Output"): Port {
  return { id, level, data_type, label, description };
}

/** Any JSON Schema, as an object (checked as a schema by whoever uses it, not here). */
export const jsonSchemaObject = () => z.record(z.string(), z.unknown());

/** A duration in seconds, > 0. */
export const positiveSeconds = () => z.number().positive();

/** Where templates are explained once, for the describe() texts. */
export const TEMPLATE_HINT = "Template: text with {{ <JSONata expression> }} parts, e.g. \"Topic: {{ input.topic }}\".";
export const EXPRESSION_HINT = "JSONata expression over { input, steps, step_input }.";

/** The fields of one LLM call, shared by llm_agent and the two roles of critic_loop. */
export const llmCallFields = {
  llm_ref: z
    .string()
    .min(1, { error: "llm_ref must not be empty: name an LLM from the registry, e.g. \"mock\"" })
    .describe("Name of the LLM in the registry (LLMTEAM_LLMS), e.g. \"gpt4\"; \"mock\" works offline."),
  user_prompt_template: z
    .string()
    .optional()
    .describe(`User message sent to the model. ${TEMPLATE_HINT} Default: the step input as text.`),
  temperature: z.number().min(0).max(2).default(0.7).describe("Sampling temperature, 0 to 2."),
  max_tokens: z.int().min(1).optional().describe("Upper bound of generated tokens. Default: the provider's."),
  mock_responses: z
    .array(z.string())
    .optional()
    .describe("Answers of the offline \"mock\" LLM, in order (the last one repeats)."),
};
