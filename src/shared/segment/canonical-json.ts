/**
 * JSON with object keys sorted, so two documents that differ only in key order compare equal
 * (a saved revision is re-serialized by the database, which does not keep key order).
 */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
  // JSON.stringify(undefined) is undefined: keep it apart from every JSON text.
  return text ?? "undefined";
}
