/** Small helpers over JSON-like values (configs, schemas) as forms produce them. */
import { isRecord } from "./json-schema-node";

/** Structural equality of JSON-like values; `{a: undefined}` equals `{}` (JSON cannot tell them apart). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!jsonEqual(a[key], b[key])) return false;
  return true;
}

/**
 * Drops keys whose value is `undefined`, at any depth (a cleared form field means "not set",
 * and the document should not carry the key). Arrays keep their length: an `undefined`
 * item becomes `null`, as JSON would write it.
 */
export function pruneUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : pruneUndefined(item))) as T;
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = pruneUndefined(item);
  return out as T;
}

/** JSON text for an editor: two-space indent; undefined → "". */
export function formatJson(value: unknown): string {
  return value === undefined ? "" : JSON.stringify(value, null, 2);
}
