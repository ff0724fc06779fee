"use client";
/** What the inspector shows when nothing is selected: the segment itself. */
import { RelativeTime } from "@/components/ui/relative-time";
import type { SegmentDetail } from "@/shared/resources/segment-resource";
import { hasRevision } from "../../lib/document-state";
import { useEditorStore } from "../../store";
import { InputFields } from "./input-fields";
import { Fact, FactList, InspectorSection, JsonBlock, Mono } from "./inspector-parts";

export function SegmentOverview({ detail }: { detail: SegmentDetail }) {
  const base = useEditorStore((s) => s.base);
  const stepCount = useEditorStore((s) => s.nodes.length);
  const entryName = useEditorStore((s) => s.nodes.find((n) => n.id === s.base.entrypoint)?.data.step.name);
  const selectStep = useEditorStore((s) => s.selectStep);
  const tags = stringArray(base.metadata?.tags);
  const description = base.description ?? detail.description;

  return (
    <div data-testid="segment-overview">
      <div className="px-5 pt-5 pb-4">
        <div className="text-[11px] font-semibold tracking-wider text-slate-500 uppercase">Segment</div>
        <h2 className="mt-1 text-[15px] leading-6 font-semibold text-slate-900">{base.name}</h2>
        {description ? (
          <p className="mt-1.5 text-[13px] leading-relaxed text-slate-600">{description}</p>
        ) : (
          <p className="mt-1.5 text-[13px] text-slate-400 italic">No description.</p>
        )}
        {tags.length > 0 && (
          <div className="mt-3 flex flex-wrap gap-1.5">
            {tags.map((tag) => (
              <span key={tag} className="rounded-full bg-slate-100 px-2 py-0.5 text-[11px] font-medium text-slate-600">
                {tag}
              </span>
            ))}
          </div>
        )}
      </div>
      <InspectorSection title="Overview">
        <FactList>
          <Fact label="Entry step">
            {base.entrypoint ? (
              <button type="button" onClick={() => selectStep(base.entrypoint)} className="text-left text-indigo-700 hover:underline">
                {entryName ?? base.entrypoint}
              </button>
            ) : (
              <span className="text-slate-400">Not set</span>
            )}
          </Fact>
          <Fact label="Steps">{stepCount}</Fact>
          <Fact label="Runs">{detail.run_count}</Fact>
          <Fact label="Revision">{hasRevision(detail) ? `rev ${detail.latest_revision}` : "Never saved"}</Fact>
          <Fact label="Updated">
            <RelativeTime value={detail.updated_at} />
          </Fact>
          <Fact label="Segment id">
            <Mono>{base.segment_id}</Mono>
          </Fact>
        </FactList>
      </InspectorSection>
      <InspectorSection title="Run input">
        <InputFields schema={base.input_schema} />
      </InspectorSection>
      {(base.input_schema || base.metadata) && (
        <InspectorSection title="Definition">
          <div className="space-y-2">
            {base.input_schema && <JsonBlock label="input_schema" value={base.input_schema} />}
            {base.metadata && <JsonBlock label="metadata" value={base.metadata} />}
          </div>
        </InspectorSection>
      )}
      {stepCount > 0 && (
        <p className="border-t border-slate-100 px-5 py-4 text-[13px] text-slate-500">
          Select a step on the canvas to see its configuration.
        </p>
      )}
    </div>
  );
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
