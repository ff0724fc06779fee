/**
 * How a step type looks on the canvas: label, accent colour and icon (SVG path data,
 * 24×24 viewBox, stroked). A stand-in: the step catalog (engine issue) will carry display
 * names, categories and icons, and this map will be replaced by that metadata.
 */
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

const APPEARANCES: Record<string, StepAppearance> = {
  llm_agent: {
    label: "LLM agent",
    accent: "#7c3aed",
    tint: "#f3effe",
    icon: ["M12 3l1.8 4.7L18.5 9.5l-4.7 1.8L12 16l-1.8-4.7L5.5 9.5l4.7-1.8z", "M18.5 15l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9z"],
  },
  human_approval: {
    label: "Human approval",
    accent: "#d97706",
    tint: "#fdf4e3",
    icon: ["M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z", "M2.5 21a6.5 6.5 0 0 1 13 0", "M16 11l2 2 4-4"],
  },
  transform: {
    label: "Transform",
    accent: "#0284c7",
    tint: "#e6f3fb",
    icon: [
      "M8 4H7a2 2 0 0 0-2 2v3.5L3 12l2 2.5V18a2 2 0 0 0 2 2h1",
      "M16 4h1a2 2 0 0 1 2 2v3.5l2 2.5-2 2.5V18a2 2 0 0 1-2 2h-1",
    ],
  },
  condition: {
    label: "Condition",
    accent: "#db2777",
    tint: "#fdedf4",
    icon: ["M16 3h5v5", "M8 3H3v5", "M12 22v-8.3a4 4 0 0 0-1.2-2.9L3 3", "M15 9l6-6"],
  },
  http_request: {
    label: "HTTP request",
    accent: "#059669",
    tint: "#e7f6f0",
    icon: ["M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z", "M2 12h20", "M12 2a15 15 0 0 1 0 20 15 15 0 0 1 0-20z"],
  },
};

const FALLBACK_ICON = ["M21 8l-9-5-9 5 9 5 9-5z", "M3 8v8l9 5 9-5V8", "M12 13v8"];

/** The look of a step type; unknown types get a neutral look and their raw id as label. */
export function stepAppearance(type: string): StepAppearance {
  return APPEARANCES[type] ?? { label: humanize(type), accent: "#64748b", tint: "#f1f5f9", icon: FALLBACK_ICON };
}

function humanize(type: string): string {
  const words = type.replace(/[_-]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "Step";
}
