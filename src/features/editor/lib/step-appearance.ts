/**
 * How a step type looks on the canvas. What a type *is* (display name, icon name,
 * category) comes from the step catalog's metadata; this file only maps icon names
 * to glyphs and gives each icon a colour.
 */
import { builtinCatalog } from "@/shared/catalog";

export type StepAppearance = {
  /** Display name of the type, e.g. "LLM agent". */
  label: string;
  /** Accent colour (hex): card stripe, icon, minimap. */
  accent: string;
  /** Pale background for the icon tile (hex). */
  tint: string;
  /** SVG path `d` strings drawn with `stroke="currentColor"` in a 24×24 box. */
  icon: readonly string[];
};

type Glyph = { accent: string; tint: string; icon: readonly string[] };

/** Keyed by the catalog's `icon` names. */
const GLYPHS: Record<string, Glyph> = {
  sparkles: {
    accent: "#7c3aed",
    tint: "#f3effe",
    icon: ["M12 3l1.8 4.7L18.5 9.5l-4.7 1.8L12 16l-1.8-4.7L5.5 9.5l4.7-1.8z", "M18.5 15l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9z"],
  },
  repeat: {
    accent: "#9333ea",
    tint: "#f5edfd",
    icon: ["M17 2l4 4-4 4", "M3 11V9a3 3 0 0 1 3-3h15", "M7 22l-4-4 4-4", "M21 13v2a3 3 0 0 1-3 3H3"],
  },
  "user-check": {
    accent: "#d97706",
    tint: "#fdf4e3",
    icon: ["M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z", "M2.5 21a6.5 6.5 0 0 1 13 0", "M16 11l2 2 4-4"],
  },
  code: {
    accent: "#0284c7",
    tint: "#e6f3fb",
    icon: [
      "M8 4H7a2 2 0 0 0-2 2v3.5L3 12l2 2.5V18a2 2 0 0 0 2 2h1",
      "M16 4h1a2 2 0 0 1 2 2v3.5l2 2.5-2 2.5V18a2 2 0 0 1-2 2h-1",
    ],
  },
  "git-branch": {
    accent: "#db2777",
    tint: "#fdedf4",
    icon: ["M16 3h5v5", "M8 3H3v5", "M12 22v-8.3a4 4 0 0 0-1.2-2.9L3 3", "M15 9l6-6"],
  },
  globe: {
    accent: "#059669",
    tint: "#e7f6f0",
    icon: ["M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z", "M2 12h20", "M12 2a15 15 0 0 1 0 20 15 15 0 0 1 0-20z"],
  },
  clock: {
    accent: "#475569",
    tint: "#eef2f6",
    icon: ["M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z", "M12 6v6l4 2"],
  },
  layers: {
    accent: "#4f46e5",
    tint: "#eef0fd",
    icon: ["M12 2l10 5-10 5L2 7z", "M2 12l10 5 10-5", "M2 17l10 5 10-5"],
  },
  list: {
    accent: "#0d9488",
    tint: "#e6f6f4",
    icon: ["M8 6h13", "M8 12h13", "M8 18h13", "M3 6h.01", "M3 12h.01", "M3 18h.01"],
  },
};

const FALLBACK: Glyph = {
  accent: "#64748b",
  tint: "#f1f5f9",
  icon: ["M21 8l-9-5-9 5 9 5 9-5z", "M3 8v8l9 5 9-5V8", "M12 13v8"],
};

/** The look of a step type; unknown types get a neutral look and their raw id as label. */
export function stepAppearance(type: string): StepAppearance {
  const meta = builtinCatalog.get(type);
  const glyph = (meta && GLYPHS[meta.icon]) ?? FALLBACK;
  return { label: meta?.display_name ?? humanize(type), ...glyph };
}

function humanize(type: string): string {
  const words = type.replace(/[_-]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "Step";
}
