/**
 * Syntax checks for the code editors, as you type: JSONata expressions (the shared
 * validator's validateExpression), `{{ }}` templates (parseTemplate, then each expression)
 * and JSON text. Pure and cheap: expressions are parsed, never run.
 */
import type { CodeDiagnostic } from "@/components/ui/code-editor";
import { findLegacyPlaceholders, parseTemplate, validateExpression } from "@/shared/validation";
import { findJsonSyntaxError } from "../lib/json-syntax";

/** Where a parser stopped (just after the bad token) → a one-character range before it. */
function rangeAt(position: number | undefined, length: number, offset = 0): { from: number; to: number } {
  if (position === undefined) return { from: offset, to: offset + length };
  const end = Math.min(Math.max(position, 0), length);
  const from = Math.max(0, end - 1);
  return { from: offset + from, to: offset + Math.max(end, Math.min(from + 1, length)) };
}

/** A JSONata expression; empty text is fine when `allowEmpty` (optional fields). */
export function lintJsonata(text: string, options: { allowEmpty?: boolean } = {}): CodeDiagnostic[] {
  if (text.trim() === "") {
    return options.allowEmpty ? [] : [{ from: 0, to: 0, message: "The expression is empty", severity: "error" }];
  }
  const check = validateExpression(text);
  if (check.ok) return [];
  return [{ ...rangeAt(check.position, text.length), message: check.message, severity: "error" }];
}

/** A template: each `{{ }}` must hold valid JSONata and be closed; `{name}` placeholders are warned about. */
export function lintTemplate(text: string): CodeDiagnostic[] {
  const diagnostics: CodeDiagnostic[] = [];
  const { parts, unclosed } = parseTemplate(text);
  for (const part of parts) {
    if (part.kind !== "expression") continue;
    const inner = part.expression;
    if (inner.trim() === "") {
      diagnostics.push({
        from: part.start,
        to: part.end,
        message: "Empty {{ }}: write an expression inside, e.g. {{ input.topic }}",
        severity: "error",
      });
      continue;
    }
    const check = validateExpression(inner);
    if (check.ok) continue;
    diagnostics.push({ ...rangeAt(check.position, inner.length, part.start + 2), message: check.message, severity: "error" });
  }
  if (unclosed !== undefined) {
    diagnostics.push({
      from: unclosed,
      to: Math.min(unclosed + 2, text.length),
      message: 'This "{{" is never closed with "}}"',
      severity: "error",
    });
  }
  for (const legacy of findLegacyPlaceholders(text)) {
    diagnostics.push({
      from: legacy.start,
      to: legacy.start + legacy.text.length,
      message: `${legacy.text} is not filled in: write {{ ${legacy.name} }}`,
      severity: "warning",
    });
  }
  return diagnostics;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; diagnostic: CodeDiagnostic };

/** Parses JSON text; on failure, where and why (the engine's own message often lacks the position). */
export function parseJsonText(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const found = findJsonSyntaxError(text);
    const from = Math.min(found?.offset ?? text.length, text.length);
    return {
      ok: false,
      diagnostic: { from, to: Math.min(from + 1, text.length), message: found?.message ?? "Not valid JSON", severity: "error" },
    };
  }
}

export function lintJson(text: string): CodeDiagnostic[] {
  if (text.trim() === "") return [];
  const parsed = parseJsonText(text);
  return parsed.ok ? [] : [parsed.diagnostic];
}

/** The diagnostic worth a message line under the field: errors before warnings. */
export function headline(diagnostics: readonly CodeDiagnostic[]): CodeDiagnostic | undefined {
  return diagnostics.find((d) => d.severity === "error") ?? diagnostics[0];
}
