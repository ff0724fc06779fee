import { z } from "zod";
import type { StepTypeMetadata } from "../types";
import { inputPort, jsonSchemaObject, outputPort, positiveSeconds } from "./common";

export const humanApprovalConfigSchema = z
  .strictObject({
    title: z.string().min(1, { error: "title must not be empty" }).describe("What the reviewer is asked to decide."),
    instructions: z.string().optional().describe("Guidance shown to the reviewer."),
    form: jsonSchemaObject()
      .optional()
      .describe("JSON Schema of the data the reviewer may edit; edited data must match it."),
    timeout_seconds: positiveSeconds()
      .optional()
      .describe("Seconds to wait for a decision. Default: wait forever."),
    on_timeout: z
      .enum(["approve", "reject", "fail"])
      .default("fail")
      .describe("Decision taken when the timeout expires (decided_by \"system:timeout\"), or fail the step."),
    on_reject: z
      .enum(["continue", "fail"])
      .default("continue")
      .describe("continue: the output flows on and edges route on output.decision; fail: a rejection fails the step."),
  })
  .describe("Configuration of a human_approval step.");

export type HumanApprovalConfig = z.output<typeof humanApprovalConfigSchema>;

export const humanApprovalMetadata: StepTypeMetadata<typeof humanApprovalConfigSchema> = {
  type_id: "human_approval",
  display_name: "Human approval",
  category: "human",
  description: "Pauses the run until a person approves, edits or rejects the data.",
  icon: "user-check",
  config_schema: humanApprovalConfigSchema,
  ports: {
    inputs: [inputPort("human", "any", "The data the reviewer sees (and may edit).")],
    outputs: [
      outputPort(
        "human",
        "approval",
        "The decision: { decision, edited, data, comment, decided_by, decided_at }.",
      ),
    ],
  },
  expression_fields: { jsonata: [], templates: [] },
};
