"use client";
/**
 * Copied steps: the system clipboard when the browser lets us (so steps paste into another
 * tab or segment), plus the last copy kept in memory for when it does not (no permission,
 * headless browsers). Module-level on purpose: it outlives one editor, so copy in one
 * segment and paste in the next works within the tab.
 */
let lastCopied: string | null = null;

/** Remembers `text` and writes it to the system clipboard when allowed (best effort). */
export function rememberCopy(text: string, options: { writeSystem: boolean } = { writeSystem: true }): void {
  lastCopied = text;
  if (options.writeSystem) void navigator.clipboard?.writeText(text).catch(() => undefined);
}

export function lastCopy(): string | null {
  return lastCopied;
}

/** For menu commands (no paste event): the system clipboard if readable and non-empty, else the last copy. */
export async function readClipboard(): Promise<string | null> {
  try {
    const text = await navigator.clipboard?.readText();
    if (text) return text;
  } catch {
    // Permission refused or not available: fall back to what we copied.
  }
  return lastCopied;
}
