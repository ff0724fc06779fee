import { z } from "zod";
import type { StepTypeMetadata } from "../types";
import { inputPort, llmCallFields, outputPort, positiveSeconds } from "./common";

const criticRoleSchema = (role: "generator" | "critic", duty: string) =>
  z
    .strictObject({
      llm_ref: llmCallFields.llm_ref,
      system_prompt: z.string().describe(`System message of the ${role}: ${duty}`),
      user_prompt_template: llmCallFields.user_prompt_template,
      temperature: llmCallFields.temperature,
      max_tokens: llmCallFields.max_tokens,
      mock_responses: llmCallFields.mock_responses,
    })
    .describe(`The ${role} LLM call.`);

const fraction = () => z.number().min(0).max(1);

export const criticLoopConfigSchema = z
  .strictObject({
    generator: criticRoleSchema("generator", "it writes, then revises using the critic's feedback."),
    critic: criticRoleSchema(
      "critic",
      "it must answer JSON {verdict: approved|needs_revision|rejected, score 0..1, feedback, suggestions[]}.",
    ),
    max_iterations: z.int().min(1).max(50).default(5).describe("Most generate-and-critique rounds."),
    quality_threshold: fraction()
      .default(0.85)
      .describe("Stop (converged) when the critic's score reaches this, or it approves."),
    improvement_threshold: fraction()
      .default(0.05)
      .describe("From the 2nd round on, stop when the score improved by less than this."),
    stop_on_rejection: z.boolean().default(true).describe("Stop when the critic's verdict is rejected."),
    timeout_per_iteration: positiveSeconds().default(60).describe("Time limit of one round, in seconds."),
  })
  .describe("Configuration of a critic_loop step.");

export type CriticLoopConfig = z.output<typeof criticLoopConfigSchema>;
export type CriticRoleConfig = CriticLoopConfig["generator"];

export const criticLoopMetadata: StepTypeMetadata<typeof criticLoopConfigSchema> = {
  type_id: "critic_loop",
  display_name: "Critic loop",
  category: "ai",
  description: "Has one model draft and another critique, revising until the critic is satisfied or a limit is hit.",
  icon: "repeat",
  config_schema: criticLoopConfigSchema,
  ports: {
    inputs: [inputPort("agent", "any", "The task, available to both prompts as step_input.")],
    outputs: [
      outputPort("agent", "json", "{ final_output, iterations, final_score, history, converged, reason }."),
    ],
  },
  expression_fields: {
    jsonata: [],
    templates: ["generator.user_prompt_template", "critic.user_prompt_template"],
  },
};
