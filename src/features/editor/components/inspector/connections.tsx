"use client";
/** Incoming and outgoing edges of a step; clicking one selects the step at the other end. */
import { useShallow } from "zustand/react/shallow";
import { DEFAULT_SOURCE_HANDLE, DEFAULT_TARGET_HANDLE, type FlowEdge } from "../../lib/flow-convert";
import { useEditorStore } from "../../store";

export function Connections({ stepId, edges }: { stepId: string; edges: readonly FlowEdge[] }) {
  const names = useEditorStore(useShallow((s) => Object.fromEntries(s.nodes.map((n) => [n.id, n.data.step.name ?? n.id]))));
  const selectStep = useEditorStore((s) => s.selectStep);
  if (edges.length === 0) return <p className="text-[13px] text-slate-500">Not connected to other steps.</p>;
  const incoming = edges.filter((e) => e.target === stepId);
  const outgoing = edges.filter((e) => e.source === stepId);

  const row = (edge: FlowEdge, direction: "in" | "out") => {
    const other = direction === "in" ? edge.source : edge.target;
    const port = direction === "in" ? edge.targetHandle : edge.sourceHandle;
    const defaultPort = direction === "in" ? DEFAULT_TARGET_HANDLE : DEFAULT_SOURCE_HANDLE;
    const condition = edge.data?.condition;
    return (
      <li key={edge.id}>
        <button
          type="button"
          onClick={() => selectStep(other)}
          className="w-full rounded-md px-2 py-1.5 text-left hover:bg-slate-50"
          title={`Select ${names[other] ?? other}`}
        >
          <span className="flex items-center gap-2 text-[13px]">
            <span className="w-9 shrink-0 text-[11px] font-medium text-slate-400 uppercase">{direction === "in" ? "from" : "to"}</span>
            <span className="min-w-0 flex-1 truncate text-slate-800">{names[other] ?? other}</span>
            {port && port !== defaultPort && (
              <code className="shrink-0 rounded bg-slate-100 px-1 font-mono text-[11px] text-slate-600">{port}</code>
            )}
          </span>
          {condition !== undefined && (
            <span className="mt-0.5 block truncate pl-11 font-mono text-[11px] text-slate-500" title={condition}>
              if {condition}
            </span>
          )}
        </button>
      </li>
    );
  };

  return (
    <ul className="-mx-2 space-y-0.5">
      {incoming.map((e) => row(e, "in"))}
      {outgoing.map((e) => row(e, "out"))}
    </ul>
  );
}
