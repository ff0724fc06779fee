/**
 * Handle colours by port level (workflow / agent / human). Taken from the Okabe–Ito palette,
 * which stays distinguishable with the common colour-vision deficiencies; the help overlay
 * shows the legend. Ports no catalog type declares are grey.
 */
import { PORT_LEVELS, type PortLevel } from "@/shared/catalog";

export const PORT_LEVEL_COLOR: Readonly<Record<PortLevel, string>> = {
  workflow: "#0072B2",
  agent: "#009E73",
  human: "#E69F00",
};

export const UNKNOWN_PORT_COLOR = "#94a3b8";

export const PORT_LEVEL_LABEL: Readonly<Record<PortLevel, string>> = {
  workflow: "Workflow data",
  agent: "Agent data",
  human: "Human decision",
};

export const PORT_LEVEL_HINT: Readonly<Record<PortLevel, string>> = {
  workflow: "run input, HTTP, transforms",
  agent: "produced or read by LLM agents",
  human: "a person's approval or edit",
};

export const portColor = (level: PortLevel | null): string => (level ? PORT_LEVEL_COLOR[level] : UNKNOWN_PORT_COLOR);

export const PORT_LEVEL_LEGEND = PORT_LEVELS.map((level) => ({
  level,
  color: PORT_LEVEL_COLOR[level],
  label: PORT_LEVEL_LABEL[level],
  hint: PORT_LEVEL_HINT[level],
}));
