/**
 * invalid_expression and legacy_placeholder: JSONata fields of step configs, edge
 * conditions, and every `{{ }}` of template fields are parsed (never run); the text of
 * template fields is scanned for llmteam's `{name}` placeholders.
 */
import { formatPath } from "../segment/messages";
import { validateExpression, type ExpressionCheck } from "./expression";
import { edgeLabel, edgePath, problemEdge, quote, stepLabel, stepPath } from "./labels";
import { findLegacyPlaceholders, parseTemplate } from "./template";
import { problem, type Problem } from "./types";
import { isRecord, type CheckContext, type StepView } from "./view";

type Failed = Extract<ExpressionCheck, { ok: false }>;

const at = (check: Failed, offset = 0): string =>
  check.position === undefined ? "" : ` (near character ${check.position + offset})`;

/** The value at a dotted config path (`generator.user_prompt_template`), or undefined. */
function valueAt(config: Record<string, unknown>, dotted: string): unknown {
  let value: unknown = config;
  for (const key of dotted.split(".")) {
    if (!isRecord(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/** Every string inside a template field's value, with its path below the config. */
function templateStrings(value: unknown, path: PropertyKey[]): Array<{ text: string; path: PropertyKey[] }> {
  if (typeof value === "string") return [{ text: value, path }];
  if (Array.isArray(value)) return value.flatMap((item, index) => templateStrings(item, [...path, index]));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => templateStrings(item, [...path, key]));
  return [];
}

/** A short excerpt of a template expression for messages: `{{ a + }}`. */
function excerpt(text: string, start: number, end: number): string {
  const whole = text.slice(start, end);
  return whole.length <= 48 ? whole : `${whole.slice(0, 45)}…`;
}

function checkJsonataFields(step: StepView, fields: readonly string[], config: Record<string, unknown>): Problem[] {
  return fields.flatMap((dotted) => {
    const value = valueAt(config, dotted);
    if (typeof value !== "string" || value === "") return []; // wrong type or empty: invalid_config says so
    const check = validateExpression(value);
    if (check.ok) return [];
    return [
      problem("invalid_expression", `${stepLabel(step)}: ${dotted} is not a valid JSONata expression: ${check.message}${at(check)}`, {
        step_id: step.step_id,
        path: stepPath(step, "config", ...dotted.split(".")),
      }),
    ];
  });
}

function checkTemplate(step: StepView, text: string, path: PropertyKey[]): Problem[] {
  const where = { step_id: step.step_id, path: stepPath(step, "config", ...path) };
  const field = formatPath(path);
  const { parts, unclosed } = parseTemplate(text);
  const problems: Problem[] = [];
  for (const part of parts) {
    if (part.kind !== "expression") continue;
    const check = validateExpression(part.expression);
    if (check.ok) continue;
    problems.push(
      problem(
        "invalid_expression",
        `${stepLabel(step)}: ${quote(excerpt(text, part.start, part.end))} in ${field} is not a valid JSONata expression: ${check.message}`,
        where,
      ),
    );
  }
  if (unclosed !== undefined) {
    problems.push(
      problem(
        "invalid_expression",
        `${stepLabel(step)}: the "{{" at character ${unclosed} of ${field} is never closed with "}}" (or a quote inside it is not closed)`,
        where,
      ),
    );
  }
  for (const legacy of findLegacyPlaceholders(text)) {
    problems.push(
      problem(
        "legacy_placeholder",
        `${stepLabel(step)}: ${field} contains ${quote(legacy.text)}, an llmteam placeholder that is sent as plain text — write "{{ ${legacy.name} }}" to insert the value.`,
        where,
      ),
    );
  }
  return problems;
}

function checkStep(step: StepView, ctx: CheckContext): Problem[] {
  const meta = step.type === undefined ? undefined : ctx.catalog.get(step.type);
  if (meta === undefined || step.config === undefined) return [];
  const config = step.config;
  const templates = meta.expression_fields.templates.flatMap((dotted) =>
    templateStrings(valueAt(config, dotted), dotted.split(".")).flatMap(({ text, path }) => checkTemplate(step, text, path)),
  );
  return [...checkJsonataFields(step, meta.expression_fields.jsonata, config), ...templates];
}

function checkConditions({ view }: CheckContext): Problem[] {
  return view.edges.flatMap((edge) => {
    if (edge.condition === undefined) return [];
    const check = validateExpression(edge.condition);
    if (check.ok) return [];
    return [
      problem("invalid_expression", `${edgeLabel(edge)}: the condition is not a valid JSONata expression: ${check.message}${at(check)}`, {
        edge: problemEdge(edge),
        path: edgePath(edge, "condition"),
      }),
    ];
  });
}

export function checkExpressions(ctx: CheckContext): Problem[] {
  return [...(ctx.view.steps ?? []).flatMap((step) => checkStep(step, ctx)), ...checkConditions(ctx)];
}
