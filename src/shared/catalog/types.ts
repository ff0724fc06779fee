/**
 * Public metadata of a step type: everything the palette, the config forms, the validator
 * and the REST catalog need. Handlers (how a type runs) are server-side, in src/engine/steps.
 */
import type { z } from "zod";

/** Palette groups, in palette order (also the order of StepCatalog.list()). */
export const STEP_CATEGORIES = ["ai", "logic", "integration", "human", "flow"] as const;
export type StepCategory = (typeof STEP_CATEGORIES)[number];

/**
 * Port levels (seed P1-7): `workflow` = data flowing through the segment (run input, HTTP,
 * transforms), `agent` = produced or consumed by LLM agents, `human` = a person's decision.
 */
export const PORT_LEVELS = ["workflow", "agent", "human"] as const;
export type PortLevel = (typeof PORT_LEVELS)[number];

/** What a port carries. `any` matches everything; see portsCompatible for the rest. */
export const PORT_DATA_TYPES = ["any", "text", "json", "boolean", "array", "approval"] as const;
export type PortDataType = (typeof PORT_DATA_TYPES)[number];

export interface Port {
  /** Stable handle id: `in`, `out`, `true`, `false`. Never encodes data. */
  id: string;
  level: PortLevel;
  data_type: PortDataType;
  label?: string;
  description?: string;
}

export interface StepPorts {
  inputs: readonly Port[];
  outputs: readonly Port[];
}

/**
 * Which config fields hold expressions, as dotted paths into the config
 * (`expression`, `generator.user_prompt_template`).
 * - `jsonata`: the value is one JSONata expression (a string).
 * - `templates`: the value is a `{{ <JSONata> }}` template string; when the value is an
 *   object or array (http_request `headers`, a JSON `body`), every string inside it, at any
 *   depth, is a template (object keys are not).
 */
export interface ExpressionFields {
  jsonata: readonly string[];
  templates: readonly string[];
}

export interface StepTypeMetadata<Schema extends z.ZodType = z.ZodType> {
  /** Snake-case id used in `step.type`, e.g. `llm_agent`. */
  type_id: string;
  /** Sentence-case name for the palette and the canvas, e.g. "LLM agent". */
  display_name: string;
  category: StepCategory;
  /** One sentence for the palette. */
  description: string;
  /** A short icon name (lucide-style), e.g. "sparkles". */
  icon: string;
  /** Strict zod object: unknown config keys are reported; defaults applied on parse. */
  config_schema: Schema;
  ports: StepPorts;
  expression_fields: ExpressionFields;
}
