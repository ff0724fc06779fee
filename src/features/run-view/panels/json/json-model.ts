/**
 * Pure helpers of the JSON viewer: what a value is, which of its children are shown (paged),
 * how much of a long string is shown, the path of a node, and short previews. Each function
 * looks at a bounded part of the value, so a multi-MB output costs only what is on screen.
 */

export type JsonKind = "object" | "array" | "string" | "number" | "boolean" | "null" | "other";

/** Children shown when a container is opened, and how many more "show more" adds. */
export const PAGE_SIZE = 100;
/** Characters of a string shown before "show more". */
export const STRING_PREVIEW = 280;
/** Characters each "show more" adds to a long string. */
export const STRING_STEP = 10_000;

export type PathSegment = string | number;

export function kindOf(value: unknown): JsonKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "object":
      return "object";
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    default:
      return "other";
  }
}

export function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

/** A container with at least one child (an empty `{}` or `[]` has nothing to open). */
export function hasChildren(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return value.length > 0;
  if (!isContainer(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

export function childCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (isContainer(value)) return Object.keys(value).length;
  return 0;
}

export type ChildPage = {
  /** The children to render, in order. */
  entries: { key: PathSegment; value: unknown }[];
  /** Children not rendered yet. */
  hidden: number;
};

/**
 * Children `start` (inclusive) to `end` (exclusive) of a container. Arrays are sliced without
 * building a key list, so opening a 100,000-item array touches 100 items; objects use `keys`
 * (computed once by the caller) when given.
 */
export function sliceChildren(
  value: Record<string, unknown> | unknown[],
  start: number,
  end: number,
  keys?: readonly string[],
): { key: PathSegment; value: unknown }[] {
  if (Array.isArray(value)) {
    const from = Math.max(0, start);
    const to = Math.min(value.length, end);
    const entries: { key: PathSegment; value: unknown }[] = [];
    for (let i = from; i < to; i++) entries.push({ key: i, value: value[i] });
    return entries;
  }
  const all = keys ?? Object.keys(value);
  return all.slice(Math.max(0, start), Math.max(0, end)).map((key) => ({ key, value: value[key] }));
}

/** The first `limit` children of a container and how many are left out. */
export function pageChildren(value: Record<string, unknown> | unknown[], limit: number, keys?: readonly string[]): ChildPage {
  const total = keys ? keys.length : childCount(value);
  const entries = sliceChildren(value, 0, limit, keys);
  return { entries, hidden: total - entries.length };
}

/**
 * The shown children cut in pages of PAGE_SIZE: [[0, 100], [100, 200], [200, 230]]. Each page
 * renders on its own, so "show more" renders the new page only, not every row shown so far.
 */
export function pageRanges(shown: number, size = PAGE_SIZE): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = 0; start < shown; start += size) ranges.push([start, Math.min(shown, start + size)]);
  return ranges;
}

/** The limit after one more "show more": one page more, never past the total. */
export function nextLimit(limit: number, total: number): number {
  return Math.min(total, limit + PAGE_SIZE);
}

export type TruncatedString = { text: string; hidden: number };

/** The first `limit` characters of a string, without splitting a surrogate pair. */
export function truncateString(value: string, limit: number): TruncatedString {
  if (value.length <= limit) return { text: value, hidden: 0 };
  let end = Math.max(0, limit);
  const code = value.charCodeAt(end - 1);
  // A high surrogate at the cut would show half an emoji: keep its pair together.
  if (code >= 0xd800 && code <= 0xdbff) end++;
  return { text: value.slice(0, end), hidden: value.length - end };
}

/** The string limit after one more "show more". */
export function nextStringLimit(limit: number, length: number): number {
  return Math.min(length, limit + STRING_STEP);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A node's path as a JSONata path, the language of templates (`{{ input.items[0].name }}`):
 * `root.items[3].name`; keys that are not plain identifiers are quoted with backticks
 * (`` root.`content-type` ``). The root alone is `root`, or `$` when there is no root name.
 */
export function formatPath(root: string, path: readonly PathSegment[]): string {
  let out = root;
  for (const segment of path) {
    if (typeof segment === "number") {
      out += out === "" ? `$[${segment}]` : `[${segment}]`;
      continue;
    }
    const name = IDENTIFIER.test(segment) ? segment : `\`${segment.replace(/`/g, "\\`")}\``;
    out += out === "" ? name : `.${name}`;
  }
  return out === "" ? "$" : out;
}

/** "12 items" / "1 key": the size of a container in words. */
export function describeSize(value: unknown): string {
  const count = childCount(value);
  if (Array.isArray(value)) return `${count.toLocaleString("en")} ${count === 1 ? "item" : "items"}`;
  return `${count.toLocaleString("en")} ${count === 1 ? "key" : "keys"}`;
}

/**
 * A one-line preview of a collapsed container, bounded by `maxChars`: `{id: 1, name: "Ada", …}`,
 * `[1, 2, 3, …]`. Looks at a handful of children only.
 */
export function previewOf(value: unknown, maxChars = 60): string {
  if (!isContainer(value)) return scalarPreview(value, maxChars);
  const isArray = Array.isArray(value);
  const open = isArray ? "[" : "{";
  const close = isArray ? "]" : "}";
  const total = childCount(value);
  if (total === 0) return `${open}${close}`;
  const { entries } = pageChildren(value, 8);
  let body = "";
  let shown = 0;
  for (const { key, value: child } of entries) {
    const inner = isContainer(child) ? (Array.isArray(child) ? "[…]" : "{…}") : scalarPreview(child, 24);
    const part = isArray ? inner : `${key}: ${inner}`;
    const next = body === "" ? part : `${body}, ${part}`;
    if (next.length > maxChars && shown > 0) break;
    body = next;
    shown++;
  }
  return shown < total ? `${open}${body}, …${close}` : `${open}${body}${close}`;
}

function scalarPreview(value: unknown, maxChars: number): string {
  if (typeof value === "string") {
    const { text, hidden } = truncateString(value.replace(/\s+/g, " "), maxChars);
    return JSON.stringify(hidden > 0 ? `${text}…` : text);
  }
  return value === undefined ? "undefined" : String(value);
}

/** "812 B", "4.2 KB", "3.1 MB" (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Size of the value as UTF-8 JSON text (compact), or null for values JSON cannot hold. */
export function jsonByteSize(value: unknown): number | null {
  const text = safeStringify(value);
  return text === null ? null : utf8Length(text);
}

/** JSON text of a value; null when it has none (undefined, a function) or cannot be built (a cycle). */
export function safeStringify(value: unknown, indent?: number): string | null {
  try {
    const text = JSON.stringify(value, null, indent);
    return typeof text === "string" ? text : null;
  } catch {
    return null;
  }
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Text view guard: above this many characters only the head is shown until asked. */
export const TEXT_VIEW_LIMIT = 500_000;

/** The text shown by the text view: the whole text, or its head and how many characters were left out. */
export function guardText(text: string, showAll: boolean, limit = TEXT_VIEW_LIMIT): TruncatedString {
  if (showAll || text.length <= limit) return { text, hidden: 0 };
  // Cut at a line end so the head does not end mid-token.
  const cut = text.lastIndexOf("\n", limit);
  const end = cut > limit / 2 ? cut : limit;
  return { text: text.slice(0, end), hidden: text.length - end };
}

/** Lines of a text (a final line without a newline counts). */
export function countLines(text: string): number {
  if (text === "") return 0;
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return text.endsWith("\n") ? lines - 1 : lines;
}

/** Whether a container starts open: the root always; its children when they are few and small. */
export function initiallyExpanded(depth: number, value: unknown, siblings: number): boolean {
  if (depth === 0) return true;
  return depth === 1 && siblings <= 12 && childCount(value) <= 12;
}
