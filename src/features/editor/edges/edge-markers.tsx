"use client";
/**
 * Arrowheads in the edge's own colour (plain, selected, with errors, with warnings), defined
 * once per canvas; React Flow's per-edge markers would need the colour on every edge object.
 */
export const EDGE_COLOR = "#94a3b8";
export const EDGE_COLOR_SELECTED = "#334155";
const EDGE_COLOR_ERROR = "#f87171";
const EDGE_COLOR_WARNING = "#f59e0b";

const MARKERS = {
  plain: EDGE_COLOR,
  selected: EDGE_COLOR_SELECTED,
  error: EDGE_COLOR_ERROR,
  warning: EDGE_COLOR_WARNING,
} as const;
type MarkerName = keyof typeof MARKERS;

const markerId = (name: MarkerName) => `llmteam-arrow-${name}`;

export function edgeLook(selected: boolean, problem: "error" | "warning" | null): { stroke: string; marker: string } {
  const name: MarkerName = selected ? "selected" : (problem ?? "plain");
  return { stroke: MARKERS[name], marker: `url(#${markerId(name)})` };
}

/** Render once inside the canvas (the ids are document-global; duplicates are harmless). */
export function EdgeMarkerDefs() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      <defs>
        {(Object.keys(MARKERS) as MarkerName[]).map((name) => (
          <marker
            key={name}
            id={markerId(name)}
            viewBox="0 0 10 10"
            refX="8.5"
            refY="5"
            markerWidth="14"
            markerHeight="14"
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
          >
            <path d="M1 1.5 9 5l-8 3.5z" fill={MARKERS[name]} stroke={MARKERS[name]} strokeWidth="1" strokeLinejoin="round" />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
