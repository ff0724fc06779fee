"use client";
/** Download JSON from the browser (copying is @/components/ui/clipboard). */

/** Saves text as a file through a temporary object URL. */
export function downloadText(text: string, filename: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** A file name from a free label: "Output of Fetch page" → "output-of-fetch-page.json". */
export function jsonFileName(label: string): string {
  const base = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${base || "data"}.json`;
}

export type CopyState = "idle" | "copied" | "failed";
