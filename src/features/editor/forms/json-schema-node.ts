/** Reading untyped JSON Schema nodes (what z.toJSONSchema and users write) safely. */

export type JsonObject = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The node's `properties`, when it declares any as an object. */
export function propertiesOf(node: JsonObject): Record<string, JsonObject> | undefined {
  if (!isRecord(node.properties)) return undefined;
  const out: Record<string, JsonObject> = {};
  for (const [key, value] of Object.entries(node.properties)) out[key] = isRecord(value) ? value : {};
  return out;
}

/** A schema rendered as a group of named fields (not as one JSON value). */
export function isFieldGroup(node: JsonObject): boolean {
  return node.type === "object" && propertiesOf(node) !== undefined;
}

/** "0 – 2", "≥ 1", "> 0", or undefined: the allowed range of a number field, for its label. */
export function numberRange(node: JsonObject): string | undefined {
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
  const min = num(node.minimum);
  const max = num(node.maximum);
  const exMin = num(node.exclusiveMinimum);
  const exMax = num(node.exclusiveMaximum);
  if (min !== undefined && max !== undefined) return `${min} – ${max}`;
  const low = min !== undefined ? `≥ ${min}` : exMin !== undefined ? `> ${exMin}` : undefined;
  const high = max !== undefined ? `≤ ${max}` : exMax !== undefined ? `< ${exMax}` : undefined;
  if (low && high) return `${low}, ${high}`;
  return low ?? high;
}

const ACRONYMS: Record<string, string> = { llm: "LLM", url: "URL", id: "ID", json: "JSON", http: "HTTP", api: "API" };

/** `user_prompt_template` → "User prompt template", `llm_ref` → "LLM ref". */
export function fieldTitle(key: string): string {
  const words = key.split(/[_\s-]+/).filter(Boolean);
  if (words.length === 0) return key;
  return words
    .map((word, index) => {
      const lower = word.toLowerCase();
      if (ACRONYMS[lower]) return ACRONYMS[lower];
      return index === 0 ? lower[0]!.toUpperCase() + lower.slice(1) : lower;
    })
    .join(" ");
}
