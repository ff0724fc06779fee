"use client";
import { toSegment } from "../../lib/flow-convert";
import { useEditorStore } from "../../store";
import { Fact, FactList, InspectorSection, JsonBlock, Mono } from "./inspector-parts";
import { InspectorHeader } from "./inspector-header";

const ConnectionGlyph = (
  <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-500" aria-hidden>
    <svg width="17" height="17" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round">
      <path d="M4 7h6a4 4 0 0 1 4 4v2a4 4 0 0 0 4 4h2" />
      <path d="M18 14l3 3-3 3" />
    </svg>
  </span>
);

export function EdgeInspector({ edgeId }: { edgeId: string }) {
  const edge = useEditorStore((s) => s.edges.find((e) => e.id === edgeId));
  const sourceName = useEditorStore((s) => nameOf(s.nodes, edge?.source));
  const targetName = useEditorStore((s) => nameOf(s.nodes, edge?.target));
  const base = useEditorStore((s) => s.base);
  if (!edge) return null;
  // The contract form of this one edge, as it would be saved.
  const contractEdge = toSegment(base, [], [edge]).edges[0];
  const condition = edge.data?.condition;

  return (
    <div data-testid="edge-inspector">
      <InspectorHeader
        icon={ConnectionGlyph}
        title="Connection"
        subtitle={
          <span className="text-[13px] text-slate-600">
            {sourceName} <span className="text-slate-400">→</span> {targetName}
          </span>
        }
      />
      <InspectorSection title="Connection">
        <FactList>
          <Fact label="From">
            <Mono>{edge.source}</Mono>
            {contractEdge?.from_port !== undefined && <span className="text-slate-500"> port {contractEdge.from_port}</span>}
          </Fact>
          <Fact label="To">
            <Mono>{edge.target}</Mono>
            {contractEdge?.to_port !== undefined && <span className="text-slate-500"> port {contractEdge.to_port}</span>}
          </Fact>
        </FactList>
      </InspectorSection>
      <InspectorSection title="Condition">
        {condition !== undefined ? (
          <pre className="overflow-x-auto rounded-lg bg-slate-50 px-3 py-2 font-mono text-[12px] leading-5 whitespace-pre-wrap text-slate-800 ring-1 ring-slate-200 ring-inset">
            {condition}
          </pre>
        ) : (
          <p className="text-[13px] text-slate-500">None: this connection is always followed.</p>
        )}
      </InspectorSection>
      <InspectorSection title="Definition">
        <JsonBlock label="edge" value={contractEdge} />
      </InspectorSection>
    </div>
  );
}

function nameOf(nodes: readonly { id: string; data: { step: { name?: string } } }[], id: string | undefined): string {
  if (id === undefined) return "";
  return nodes.find((n) => n.id === id)?.data.step.name ?? id;
}
