import { z } from "zod";
import type { StepTypeMetadata } from "../types";
import { inputPort, jsonSchemaObject, llmCallFields, outputPort } from "./common";

export const llmAgentConfigSchema = z
  .strictObject({
    llm_ref: llmCallFields.llm_ref,
    system_prompt: z.string().default("").describe("System message: the agent's role and rules."),
    user_prompt_template: llmCallFields.user_prompt_template,
    temperature: llmCallFields.temperature,
    max_tokens: llmCallFields.max_tokens,
    output_format: z
      .enum(["text", "json", "markdown"])
      .default("text")
      .describe("text and markdown give a string; json parses the answer as JSON."),
    output_schema: jsonSchemaObject()
      .optional()
      .describe("JSON Schema the JSON output must match (with output_format json)."),
    mock_responses: llmCallFields.mock_responses,
  })
  .describe("Configuration of an llm_agent step.");

export type LlmAgentConfig = z.output<typeof llmAgentConfigSchema>;

export const llmAgentMetadata: StepTypeMetadata<typeof llmAgentConfigSchema> = {
  type_id: "llm_agent",
  display_name: "LLM agent",
  category: "ai",
  description: "Sends a prompt to a language model and outputs its answer as text or JSON.",
  icon: "sparkles",
  config_schema: llmAgentConfigSchema,
  ports: {
    inputs: [inputPort("agent", "any", "Data the prompt template can use as step_input.")],
    outputs: [outputPort("agent", "any", "The answer: a string, or the parsed JSON with output_format json.")],
  },
  expression_fields: { jsonata: [], templates: ["user_prompt_template"] },
};
