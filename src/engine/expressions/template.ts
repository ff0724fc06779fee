/**
 * Templates: text with `{{ <JSONata> }}` parts, parsed by the same code the validator uses.
 * A part's value is inserted as is when it is a string, as JSON otherwise, and as nothing
 * when the expression matched nothing.
 */
import { parseTemplate } from "../../shared/validation/template";
import { StepError } from "../errors";
import { evaluateExpression } from "./evaluate";

function stringify(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** Renders a template string to text. */
export async function renderTemplate(template: string, data: unknown): Promise<string> {
  const { parts, unclosed } = parseTemplate(template);
  if (unclosed !== undefined) {
    throw new StepError("expression_error", `unclosed "{{" at offset ${unclosed} in template ${JSON.stringify(template.slice(0, 200))}`, {
      retryable: false,
    });
  }
  let out = "";
  for (const part of parts) {
    out += part.kind === "text" ? part.text : stringify(await evaluateExpression(part.expression, data));
  }
  return out;
}

/**
 * Renders every string inside a JSON value (object keys are not templates). A string that is
 * exactly one `{{ }}` part keeps the expression's JSON value (so `"{{ input.items }}"` stays an array).
 */
export async function renderDeep(value: unknown, data: unknown): Promise<unknown> {
  if (typeof value === "string") {
    const { parts, unclosed } = parseTemplate(value);
    const only = parts.length === 1 && unclosed === undefined ? parts[0] : undefined;
    if (only?.kind === "expression") return (await evaluateExpression(only.expression, data)) ?? null;
    return renderTemplate(value, data);
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(await renderDeep(item, data));
    return out;
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = await renderDeep(item, data);
    return out;
  }
  return value;
}
