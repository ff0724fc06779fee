/**
 * The sandboxed expression evaluator: JSONata only (no eval, new Function or vm). JSONata
 * cannot reach JS globals or prototypes; we bound each evaluation with JSONata's own
 * guardrails (`timeout` ms and `stack` depth, checked on every evaluation step, `$eval` included)
 * and the length of any sequence it builds. Compiled expressions are cached (bounded LRU).
 */
import jsonata from "jsonata";
import { StepError } from "../errors";

export interface ExpressionLimits {
  /** Wall time of one evaluation, ms. */
  timeoutMs: number;
  /** Nesting depth of evaluation (recursion). */
  maxDepth: number;
  /** Longest sequence an expression may build. */
  maxSequence: number;
}

export const DEFAULT_LIMITS: ExpressionLimits = { timeoutMs: 1000, maxDepth: 250, maxSequence: 1_000_000 };

const CACHE_SIZE = 1000;
const cache = new Map<string, jsonata.Expression>();

/** `expression_error`: a parse or evaluation error, with the expression and JSONata's message. */
export class ExpressionError extends StepError {
  readonly expression: string;

  constructor(expression: string, message: string, details: Record<string, unknown> = {}) {
    super("expression_error", `${message} (in expression ${JSON.stringify(truncate(expression, 200))})`, {
      retryable: false,
      details: { expression, ...details },
    });
    this.name = "ExpressionError";
    this.expression = expression;
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

interface JsonataFailure {
  code?: unknown;
  message?: unknown;
  position?: unknown;
}

function failure(expression: string, error: unknown): ExpressionError {
  const e = (typeof error === "object" && error !== null ? error : {}) as JsonataFailure;
  const message = typeof e.message === "string" && e.message !== "" ? e.message : String(error);
  const details: Record<string, unknown> = {};
  if (typeof e.code === "string") details.jsonata_code = e.code;
  if (typeof e.position === "number") details.position = e.position;
  return new ExpressionError(expression, message, details);
}

function compile(expression: string, limits: ExpressionLimits): jsonata.Expression {
  const key = `${limits.timeoutMs}/${limits.maxDepth}/${limits.maxSequence}\u0000${expression}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(expression, { timeout: limits.timeoutMs, stack: limits.maxDepth, sequence: limits.maxSequence });
  } catch (error) {
    throw failure(expression, error);
  }
  cache.set(key, compiled);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return compiled;
}

/** Evaluates `expression` over `data`; the result is plain JSON (undefined when nothing matched). */
export async function evaluateExpression(
  expression: string,
  data: unknown,
  limits: ExpressionLimits = DEFAULT_LIMITS,
): Promise<unknown> {
  const compiled = compile(expression, limits);
  let result: unknown;
  try {
    result = await compiled.evaluate(data);
  } catch (error) {
    throw failure(expression, error);
  }
  return toPlain(result, 0);
}

/** JSONata's truthiness ($boolean): what an edge condition or a condition step means by "true". */
export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  if (typeof value === "string") return value.length > 0;
  if (Array.isArray(value)) return value.some(isTruthy);
  if (typeof value === "object") return Object.keys(value).length > 0;
  return false;
}

const MAX_DEPTH = 200;

/** Copies a JSONata result into plain JSON: sequences become arrays, functions are dropped. */
function toPlain(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "function") return undefined;
    if (typeof value === "number" && !Number.isFinite(value)) return null;
    return value;
  }
  if (depth > MAX_DEPTH) throw new StepError("expression_error", "the expression's result is nested too deeply", { retryable: false });
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const plain = toPlain(item, depth + 1);
      if (plain !== undefined) out.push(plain);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const plain = toPlain(item, depth + 1);
    if (plain !== undefined) out[key] = plain;
  }
  return out;
}
