"use client";
/**
 * The condition of an edge, drawn on the edge. When there is room between the two steps the
 * whole expression shows; otherwise a small "if" chip that opens on hover or when the edge
 * is selected. Clicking it selects the edge.
 */
import { useEditorStore } from "../store";

/** Rough width of the label at 11px monospace, to decide whether it fits between the steps. */
const estimatedWidth = (condition: string) => 34 + condition.length * 6.7;

type Props = { edgeId: string; condition: string; room: number; selected: boolean; problem: boolean };

export function ConditionLabel({ edgeId, condition, room, selected, problem }: Props) {
  const selectEdge = useEditorStore((s) => s.selectEdge);
  const fits = room >= estimatedWidth(condition) + 16;
  const open = fits || selected;
  const border = selected ? "#334155" : problem ? "#fca5a5" : "#e2e8f0";
  return (
    <button
      type="button"
      onClick={() => selectEdge(edgeId)}
      title={condition}
      aria-label={`Condition: ${condition}`}
      className="nodrag nopan group pointer-events-auto flex max-w-[240px] cursor-pointer items-center gap-1 rounded-md border bg-white px-1.5 py-0.5 text-[11px] leading-4 shadow-sm"
      style={{ borderColor: border }}
      data-lod="detail"
    >
      <span className="font-semibold text-slate-400">if</span>
      <span className={`${open ? "" : "hidden group-hover:inline"} truncate font-mono text-slate-700`}>{condition}</span>
    </button>
  );
}
