"use client";
/** Incoming and outgoing edges of a step; clicking one selects that connection. */
import { useShallow } from "zustand/react/shallow";
import { DEFAULT_SOURCE_HANDLE, DEFAULT_TARGET_HANDLE, type FlowEdge } from "../../lib/flow-convert";
import { useEditorStore } from "../../store";
import { stepName } from "./selectors";

export function Connections({ stepId, edges }: { stepId: string; edges: readonly FlowEdge[] }) {
  // Names of the steps at the other ends only (not of every step in the segment).
  const others = edges.map((e) => (e.target === stepId ? e.source : e.target));
  const names = useEditorStore(useShallow((s) => others.map((id) => stepName(s, id))));
  const selectEdge = useEditorStore((s) => s.selectEdge);
  if (edges.length === 0) return <p className="text-[13px] text-slate-500">Not connected to other steps.</p>;
  const ordered = [...edges.filter((e) => e.target === stepId), ...edges.filter((e) => e.target !== stepId)];

  return (
    <ul className="-mx-2 space-y-0.5" data-testid="step-connections">
      {ordered.map((edge) => {
        const incoming = edge.target === stepId;
        const other = incoming ? edge.source : edge.target;
        const name = names[others.indexOf(other)] ?? other;
        const port = incoming ? edge.targetHandle : edge.sourceHandle;
        const defaultPort = incoming ? DEFAULT_TARGET_HANDLE : DEFAULT_SOURCE_HANDLE;
        const condition = edge.data?.condition;
        return (
          <li key={edge.id}>
            <button
              type="button"
              onClick={() => selectEdge(edge.id)}
              className="w-full rounded-md px-2 py-1.5 text-left hover:bg-slate-50"
              title="Select this connection"
            >
              <span className="flex items-center gap-2 text-[13px]">
                <span className="w-9 shrink-0 text-[11px] font-medium text-slate-400 uppercase">{incoming ? "from" : "to"}</span>
                <span className="min-w-0 flex-1 truncate text-slate-800">{name}</span>
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
      })}
    </ul>
  );
}
