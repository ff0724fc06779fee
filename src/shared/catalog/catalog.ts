/**
 * StepCatalog: the registry of step types' public metadata. The palette, the config forms,
 * the validator and the REST catalog (`describe()`) all read it.
 */
import { z } from "zod";
import { STEP_CATEGORIES, type ExpressionFields, type StepPorts, type StepTypeMetadata } from "./types";

type JsonSchema = z.core.JSONSchema.BaseSchema;

/** JSON-safe public description of one step type (REST `GET /api/v1/catalog`, the UI). */
export interface StepTypeDescription {
  type_id: string;
  display_name: string;
  category: StepTypeMetadata["category"];
  description: string;
  icon: string;
  ports: StepPorts;
  /** JSON Schema (draft 2020-12) of the config a user writes: zod's "input" side. */
  config_schema: JsonSchema;
  expression_fields: ExpressionFields;
}

/** Readability only: `additionalProperties: {}` → `true`, drop implied string propertyNames and int bounds. */
function tidy(node: JsonSchema): void {
  const extra = node.additionalProperties;
  if (typeof extra === "object" && Object.keys(extra).length === 0) node.additionalProperties = true;
  const names = node.propertyNames;
  if (typeof names === "object" && Object.keys(names).length === 1 && names.type === "string") delete node.propertyNames;
  if (node.type === "integer" && node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
  if (node.type === "integer" && node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
}

/** The JSON Schema of a config schema, as describe() publishes it. */
export function configJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    override: ({ jsonSchema }) => tidy(jsonSchema),
  });
}

const categoryRank = (category: string): number => STEP_CATEGORIES.indexOf(category as (typeof STEP_CATEGORIES)[number]);

function byCategoryThenName(a: StepTypeMetadata, b: StepTypeMetadata): number {
  const rank = categoryRank(a.category) - categoryRank(b.category);
  if (rank !== 0) return rank;
  if (a.display_name !== b.display_name) return a.display_name < b.display_name ? -1 : 1;
  return a.type_id < b.type_id ? -1 : a.type_id > b.type_id ? 1 : 0;
}

export class StepCatalog {
  readonly #types = new Map<string, StepTypeMetadata>();
  #described: StepTypeDescription[] | undefined;

  /** Adds a type. Registering a type id twice is a programming error and throws. */
  register(meta: StepTypeMetadata): this {
    if (this.#types.has(meta.type_id)) {
      throw new Error(`Step type "${meta.type_id}" is already registered in this catalog`);
    }
    this.#types.set(meta.type_id, meta);
    this.#described = undefined;
    return this;
  }

  get(typeId: string): StepTypeMetadata | undefined {
    return this.#types.get(typeId);
  }

  has(typeId: string): boolean {
    return this.#types.has(typeId);
  }

  /** Type ids in registration order (for "did you mean" suggestions). */
  typeIds(): string[] {
    return [...this.#types.keys()];
  }

  /** All types in palette order: by category (ai, logic, integration, human, flow), then display name. */
  list(): StepTypeMetadata[] {
    return [...this.#types.values()].sort(byCategoryThenName);
  }

  /** JSON-safe description of every type, in list() order. Computed once per registration. */
  describe(): StepTypeDescription[] {
    this.#described ??= this.list().map((meta) => ({
      type_id: meta.type_id,
      display_name: meta.display_name,
      category: meta.category,
      description: meta.description,
      icon: meta.icon,
      ports: { inputs: meta.ports.inputs.map((p) => ({ ...p })), outputs: meta.ports.outputs.map((p) => ({ ...p })) },
      config_schema: configJsonSchema(meta.config_schema),
      expression_fields: { jsonata: [...meta.expression_fields.jsonata], templates: [...meta.expression_fields.templates] },
    }));
    return structuredClone(this.#described);
  }
}
