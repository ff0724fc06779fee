"use client";
/** What the inspector shows for the segment itself: name, description, start step, run input, facts. */
import { useShallow } from "zustand/react/shallow";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import type { SegmentDetail } from "@/shared/resources/segment-resource";
import { FieldHelp, FieldLabel, FieldMessages } from "../../forms/theme/field-parts";
import { hasRevision } from "../../lib/document-state";
import { useEditorStore } from "../../store";
import { DraftTextField } from "./draft-inputs";
import { ArrowLeftIcon } from "./inspector-icons";
import { Fact, FactList, InspectorSection, Mono } from "./inspector-parts";
import { InputSchemaEditor } from "./input-schema-editor";
import { ScheduleTriggers } from "./schedule-triggers";
import { WebhookTrigger } from "./webhook-trigger";
import { stepChoices } from "./selectors";

type Props = {
  detail: SegmentDetail;
  /** Set when a selection is waiting behind these settings: "Back to …". */
  back?: { label: string; onBack: () => void };
};

export function SegmentSettings({ detail, back }: Props) {
  const base = useEditorStore((s) => s.base);
  const updateBase = useEditorStore((s) => s.updateBase);
  const stepCount = useEditorStore((s) => s.nodes.reduce((n, node) => (node.type === "step" ? n + 1 : n), 0));
  const baseProblems = useEditorStore(useShallow((s) => s.problems.filter((p) => p.step_id === undefined && p.edge === undefined)));
  const tags = stringArray(base.metadata?.tags);
  const messagesAt = (field: string) => baseProblems.filter((p) => p.path === field || p.path?.startsWith(`${field}.`)).map((p) => p.message);

  return (
    <div data-testid="segment-settings">
      <div className="px-5 pt-5 pb-4">
        {back && (
          <button type="button" onClick={back.onBack} className="-ml-1 mb-2 flex items-center gap-1 rounded px-1 text-[12px] font-medium text-indigo-700 hover:bg-indigo-50">
            <ArrowLeftIcon className="size-3.5" />
            Back to {back.label}
          </button>
        )}
        <div className="text-[11px] font-semibold tracking-wider text-slate-500 uppercase">Segment</div>
        <h2 className="mt-1 truncate text-[15px] leading-6 font-semibold text-slate-900">{base.name}</h2>
        {tags.length > 0 && (
          <div className="mt-2 flex flex-wrap gap-1.5">
            {tags.map((tag) => (
              <span key={tag} className="rounded-full bg-slate-100 px-2 py-0.5 text-[11px] font-medium text-slate-600">
                {tag}
              </span>
            ))}
          </div>
        )}
      </div>
      <InspectorSection title="Settings">
        <div className="space-y-4">
          <DraftTextField
            id="segment-name"
            label="Name"
            value={base.name}
            errors={messagesAt("name")}
            // The contract requires a name: an emptied box keeps the old one.
            onCommit={(name) => {
              if (name.trim() !== "") updateBase({ name });
            }}
          />
          <DraftTextField
            id="segment-description"
            label="Description"
            multiline
            rows={2}
            value={base.description ?? ""}
            placeholder="What this segment does, for whoever runs it"
            onCommit={(description) => updateBase({ description: description.trim() === "" ? undefined : description })}
          />
          <EntrypointSelect entrypoint={base.entrypoint} errors={messagesAt("entrypoint")} />
        </div>
      </InspectorSection>
      <InspectorSection title="Run input">
        <InputSchemaEditor />
      </InspectorSection>
      <InspectorSection title="Webhook trigger" testId="webhook-section">
        {hasRevision(detail) ? (
          <WebhookTrigger segmentId={base.segment_id} />
        ) : (
          <p className="text-[12px] leading-5 text-slate-500">Runs start from saved revisions: save the segment (Ctrl+S) to enable a webhook trigger.</p>
        )}
      </InspectorSection>
      <InspectorSection title="Schedules" testId="schedules-section">
        {hasRevision(detail) ? (
          <ScheduleTriggers segmentId={base.segment_id} />
        ) : (
          <p className="text-[12px] leading-5 text-slate-500">Runs start from saved revisions: save the segment (Ctrl+S) to schedule runs.</p>
        )}
      </InspectorSection>
      <InspectorSection title="About" collapsible defaultOpen={false} summary={`${stepCount} steps · ${detail.run_count} runs`}>
        <FactList>
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
    </div>
  );
}

function EntrypointSelect({ entrypoint, errors }: { entrypoint: string; errors: readonly string[] }) {
  const choices = useEditorStore(useShallow(stepChoices));
  const setEntrypoint = useEditorStore((s) => s.setEntrypoint);
  const options: { id: string; name: string }[] = [];
  for (let i = 0; i < choices.length; i += 2) options.push({ id: choices[i]!, name: choices[i + 1]! });
  const known = options.some((o) => o.id === entrypoint);
  // An empty canvas has nothing to choose yet (its hint says what to do): no error there; with
  // steps, the contract's "entrypoint must not be empty" is said in the field's own words.
  const empty = options.length === 0;
  const shown = empty ? [] : errors.map((e) => (/^entrypoint must not be empty/.test(e) ? "Choose the step runs begin at." : e));
  return (
    <div>
      <FieldLabel htmlFor="segment-entrypoint">Start step</FieldLabel>
      <Select
        id="segment-entrypoint"
        value={known ? entrypoint : ""}
        disabled={empty}
        aria-invalid={!empty && (!known || shown.length > 0) ? true : undefined}
        className="[&_select]:h-8 [&_select]:text-[13px]"
        onChange={(e) => setEntrypoint(e.target.value)}
      >
        {!known && <option value="">{options.length === 0 ? "Add a step first" : entrypoint ? `Missing step “${entrypoint}”` : "Choose…"}</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name ? `${o.name} (${o.id})` : o.id}
          </option>
        ))}
      </Select>
      <FieldMessages errors={shown} />
      <FieldHelp>Runs begin at this step, with the run input.</FieldHelp>
    </div>
  );
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
