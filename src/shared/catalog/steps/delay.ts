import { z } from "zod";
import type { StepTypeMetadata } from "../types";
import { inputPort, outputPort } from "./common";

export const delayConfigSchema = z
  .strictObject({
    seconds: z.number().min(0).optional().describe("How long to wait, in seconds."),
    until: z.iso
      .datetime({
        offset: true,
        error: "until must be an ISO 8601 date-time with a time zone, e.g. \"2030-01-31T09:00:00Z\"",
      })
      .optional()
      .describe("When to continue: an ISO 8601 date-time with a time zone."),
  })
  .refine((config) => (config.seconds === undefined) !== (config.until === undefined), {
    error: (issue) => {
      const config = issue.input as { seconds?: unknown; until?: unknown } | undefined;
      return config?.seconds !== undefined && config.until !== undefined
        ? "set either seconds or until, not both"
        : "set how long to wait: seconds (e.g. 30) or until (e.g. \"2030-01-31T09:00:00Z\")";
    },
  })
  .meta({ oneOf: [{ required: ["seconds"] }, { required: ["until"] }] })
  .describe("Configuration of a delay step: exactly one of seconds or until.");

export type DelayConfig = z.output<typeof delayConfigSchema>;

export const delayMetadata: StepTypeMetadata<typeof delayConfigSchema> = {
  type_id: "delay",
  display_name: "Delay",
  category: "flow",
  description: "Waits for a number of seconds or until a point in time, then passes its input on.",
  icon: "clock",
  config_schema: delayConfigSchema,
  ports: {
    inputs: [inputPort("workflow", "any", "Data passed on unchanged after the wait.")],
    outputs: [outputPort("workflow", "any", "The step input, unchanged.")],
  },
  expression_fields: { jsonata: [], templates: [] },
};
