/**
 * Templates: text with `{{ <JSONata expression> }}` parts (prompts, URLs, headers, bodies).
 * The runner renders them with parseTemplate; the validator checks them with the same code.
 *
 * Syntax rule (no escape sequences):
 * - `{{` starts an expression; the expression ends at the first `}}` that is neither inside a
 *   JSONata string literal ("…", '…', `…`) or comment (/* … *\/) nor closing a `{` opened in
 *   the expression. So `{{ {"a": {"b": 1}} }}` is one expression.
 * - A `{{` that is never closed is an error (the validator reports it); parseTemplate then
 *   keeps the rest of the template as text.
 * - Literal `{{` in the text: write it as an expression, `{{ "{{" }}`.
 * - Single braces are plain text. llmteam's `{name}` placeholders are NOT substituted:
 *   findLegacyPlaceholders spots them so the validator can warn.
 */

export type TemplatePart =
  | { kind: "text"; text: string; start: number }
  | {
      kind: "expression";
      /** The text between `{{` and `}}`, untrimmed (JSONata ignores the spaces). */
      expression: string;
      /** Offset of `{{`. */
      start: number;
      /** Offset just after `}}`. */
      end: number;
    };

export type TemplateExpression = Extract<TemplatePart, { kind: "expression" }>;

export interface ParsedTemplate {
  parts: TemplatePart[];
  /** Offset of a `{{` that is never closed (everything from it on is in the last text part). */
  unclosed?: number;
}

const QUOTES = new Set(['"', "'", "`"]);

/** Offset of the `}}` that ends the expression starting at `from`, or -1. */
function findClose(template: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < template.length) {
    const c = template[i];
    if (c !== undefined && QUOTES.has(c)) {
      i++;
      while (i < template.length && template[i] !== c) i += c !== "`" && template[i] === "\\" ? 2 : 1;
      if (i >= template.length) return -1;
    } else if (c === "/" && template[i + 1] === "*") {
      const endComment = template.indexOf("*/", i + 2);
      if (endComment < 0) return -1;
      i = endComment + 1;
    } else if (c === "{") {
      depth++;
    } else if (c === "}") {
      if (depth > 0) depth--;
      else if (template[i + 1] === "}") return i;
    }
    i++;
  }
  return -1;
}

/** Splits a template into text and expression parts (empty text parts are left out). */
export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  while (cursor < template.length) {
    const open = template.indexOf("{{", cursor);
    if (open < 0) break;
    const close = findClose(template, open + 2);
    if (close < 0) {
      parts.push({ kind: "text", text: template.slice(cursor), start: cursor });
      return { parts, unclosed: open };
    }
    if (open > cursor) parts.push({ kind: "text", text: template.slice(cursor, open), start: cursor });
    parts.push({ kind: "expression", expression: template.slice(open + 2, close), start: open, end: close + 2 });
    cursor = close + 2;
  }
  if (cursor < template.length) parts.push({ kind: "text", text: template.slice(cursor), start: cursor });
  return { parts };
}

/** The `{{ }}` expressions of a template, in order. */
export function extractTemplateExpressions(template: string): TemplateExpression[] {
  return parseTemplate(template).parts.filter((part): part is TemplateExpression => part.kind === "expression");
}

export interface LegacyPlaceholder {
  /** As written, e.g. `{input.topic}`. */
  text: string;
  /** The name inside, e.g. `input.topic`. */
  name: string;
  /** Offset in the template. */
  start: number;
}

/**
 * `{name}` / `{a.b}` in a template's text (outside `{{ }}`): llmteam's single-brace
 * placeholders. Only identifiers and dotted paths match, so JSON text such as `{"a": 1}`
 * or `{ }` is never reported.
 */
const LEGACY = /(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\}(?!\})/g;

export function findLegacyPlaceholders(template: string): LegacyPlaceholder[] {
  const found: LegacyPlaceholder[] = [];
  const { parts, unclosed } = parseTemplate(template);
  for (const part of parts) {
    if (part.kind !== "text") continue;
    const text = unclosed !== undefined && part.start <= unclosed ? part.text.slice(0, unclosed - part.start) : part.text;
    for (const match of text.matchAll(LEGACY)) {
      found.push({ text: match[0], name: match[1] ?? "", start: part.start + (match.index ?? 0) });
    }
  }
  return found;
}
