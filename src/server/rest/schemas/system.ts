// REST shapes of the server itself: health and the step catalog.
import { z } from "zod";
import { PORT_DATA_TYPES, PORT_LEVELS, STEP_CATEGORIES } from "../../../shared/catalog";
import { named } from "./registry";

export const healthSchema = named(
  "Health",
  z.object({
    status: z.enum(["ok", "error"]),
    db: z.enum(["pglite", "postgres"]),
    queue: z.enum(["inline", "redis"]),
    version: z.string(),
    uptime_seconds: z.int().min(0),
    problems: z.array(z.object({ component: z.enum(["db", "redis"]), message: z.string() })).optional(),
  }),
  "ok: the server, its database and (queue mode) Redis answer. error: the part named in problems does not.",
);

const portSchema = named(
  "Port",
  z.object({
    id: z.string().describe("Handle id used in edges (from_port / to_port): in, out, true, false"),
    level: z.enum(PORT_LEVELS),
    data_type: z.enum(PORT_DATA_TYPES),
    label: z.string().optional(),
    description: z.string().optional(),
  }),
);

/** A JSON Schema object (draft 2020-12), as generated from a step type's zod config schema. */
const jsonSchemaObject = z.record(z.string(), z.unknown()).describe("JSON Schema (draft 2020-12) of the step's config");

export const stepTypeSchema = named(
  "StepType",
  z.object({
    type_id: z.string().describe("The value of step.type, e.g. llm_agent"),
    display_name: z.string(),
    category: z.enum(STEP_CATEGORIES),
    description: z.string(),
    icon: z.string(),
    ports: z.object({ inputs: z.array(portSchema), outputs: z.array(portSchema) }),
    config_schema: jsonSchemaObject,
    expression_fields: z
      .object({ jsonata: z.array(z.string()), templates: z.array(z.string()) })
      .describe("Config fields holding a JSONata expression, or {{ }} templates, as dotted paths"),
  }),
);

export const catalogSchema = named(
  "Catalog",
  z.array(stepTypeSchema),
  "Every step type a segment can use, in palette order (by category, then name). Same as `llmteam catalog --json`.",
);
