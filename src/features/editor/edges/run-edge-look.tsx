"use client";
/**
 * How an edge looks in the run view (EdgeRunLook from the run overlay): its stroke, width,
 * class and arrowhead. The arrowheads are drawn by <RunEdgeMarkerDefs />, which the run view
 * renders once (marker ids are document-wide).
 */
import type { EdgeRunLook } from "../nodes/run-overlay";
import styles from "./run-edge.module.css";

const RUN_COLORS = { active: "#3b82f6", flowed: "#10b981", skipped: "#cbd5e1" } as const;
type RunMarker = keyof typeof RUN_COLORS;

const runMarkerId = (name: RunMarker) => `llmteam-arrow-run-${name}`;

export type RunEdgeStyle = { stroke: string; strokeWidth: number; marker: string; className: string };

/** Null for `idle`: the edge keeps its editor look. */
export function runEdgeStyle(look: EdgeRunLook): RunEdgeStyle | null {
  if (look === "idle") return null;
  return {
    stroke: RUN_COLORS[look],
    strokeWidth: look === "skipped" ? 1.5 : 2.25,
    marker: `url(#${runMarkerId(look)})`,
    className: (look === "active" ? styles.active : look === "skipped" ? styles.skipped : undefined) ?? "",
  };
}

export function RunEdgeMarkerDefs() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      <defs>
        {(Object.keys(RUN_COLORS) as RunMarker[]).map((name) => (
          <marker
            key={name}
            id={runMarkerId(name)}
            viewBox="0 0 10 10"
            refX="8.5"
            refY="5"
            markerWidth="14"
            markerHeight="14"
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
          >
            <path d="M1 1.5 9 5l-8 3.5z" fill={RUN_COLORS[name]} stroke={RUN_COLORS[name]} strokeWidth="1" strokeLinejoin="round" />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
