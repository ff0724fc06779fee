/**
 * JSONata syntax check: the expression is parsed (compiled), never evaluated, so this is
 * safe on any user input and cheap enough to run on every keystroke.
 */
import jsonata from "jsonata";

export type ExpressionCheck =
  | { ok: true }
  | {
      ok: false;
      /** Readable reason, e.g. "Unexpected end of expression". */
      message: string;
      /** Where the parser stopped: the offset just after the offending token (0-based), when known. */
      position?: number;
      /** JSONata's error code, e.g. "S0203". */
      code?: string;
    };

interface JsonataError {
  message?: unknown;
  position?: unknown;
  code?: unknown;
}

/** jsonata() rebuilds its parser on every call (~0.1 ms): remember recent verdicts, bounded. */
const CACHE_LIMIT = 2000;
const cache = new Map<string, ExpressionCheck>();

function parse(expression: string): ExpressionCheck {
  if (expression.trim() === "") return { ok: false, message: "The expression is empty", position: 0 };
  try {
    jsonata(expression);
    return { ok: true };
  } catch (error) {
    const e = (typeof error === "object" && error !== null ? error : {}) as JsonataError;
    const message = typeof e.message === "string" && e.message !== "" ? e.message : String(error);
    const result: ExpressionCheck = { ok: false, message };
    if (typeof e.position === "number") result.position = Math.max(0, Math.min(e.position, expression.length));
    if (typeof e.code === "string") result.code = e.code;
    return result;
  }
}

/** Parses `expression` as JSONata; reports the parser's message and position on a syntax error. */
export function validateExpression(expression: string): ExpressionCheck {
  const cached = cache.get(expression);
  if (cached !== undefined) return { ...cached };
  const result = parse(expression);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(expression, result);
  return { ...result };
}
