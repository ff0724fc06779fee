"use client";
/** The selected step: identity, config form, run behaviour, ports and connections; or the Try panel. */
import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { Badge } from "@/components/ui/badge";
import { builtinCatalog } from "@/shared/catalog";
import { stepAppearance } from "../../lib/step-appearance";
import { useEditorStore } from "../../store";
import { StepIcon } from "../step-icon";
import { TryStepPanel } from "../try-step/try-step-panel";
import { ConfigSection } from "./config-section";
import { Connections } from "./connections";
import { InspectorHeader } from "./inspector-header";
import { InspectorSection, Tabs } from "./inspector-parts";
import { PortsSummary } from "./ports-summary";
import { edgesOf, stepById, stepProblems } from "./selectors";
import { StepIdentity } from "./step-identity";
import { StepRunSettings } from "./step-run-settings";

type Tab = "configure" | "try";
const TABS = [
  { id: "configure", label: "Configure" },
  { id: "try", label: "Try" },
] as const;

export function StepInspector({ stepId, onSegmentSettings }: { stepId: string; onSegmentSettings: () => void }) {
  const step = useEditorStore((s) => stepById(s, stepId));
  const isEntry = useEditorStore((s) => s.base.entrypoint === stepId);
  const problems = useEditorStore((s) => stepProblems(s, stepId));
  const edges = useEditorStore(useShallow((s) => edgesOf(s, stepId)));
  const [tab, setTab] = useState<Tab>("configure");
  if (!step) return null;
  const look = stepAppearance(step.type);
  const meta = builtinCatalog.get(step.type);
  const errorCount = problems.filter((p) => p.severity === "error").length;

  return (
    <div data-testid="step-inspector" data-step-id={stepId}>
      <InspectorHeader
        icon={<StepIcon appearance={look} />}
        title={step.name ?? step.step_id}
        onSegmentSettings={onSegmentSettings}
        subtitle={
          <span className="flex items-center gap-2">
            {look.label}
            {isEntry && (
              <Badge tone="green" className="px-1.5! py-0! text-[10px]!">
                Entry
              </Badge>
            )}
            {errorCount > 0 && (
              <Badge tone="red" className="px-1.5! py-0! text-[10px]!">
                {errorCount === 1 ? "1 problem" : `${errorCount} problems`}
              </Badge>
            )}
          </span>
        }
      >
        <p className="mt-2.5 text-[12px] leading-snug text-slate-500">
          {meta?.description ?? `The step catalog has no type “${step.type}”.`}
        </p>
        <Tabs className="mt-4" label="Step panels" items={TABS} value={tab} onChange={setTab} />
      </InspectorHeader>

      {tab === "try" ? (
        <div className="border-t border-slate-100 px-5 py-4" data-testid="step-try">
          <TryStepPanel stepId={stepId} />
        </div>
      ) : (
        <>
          <InspectorSection title="Step">
            <StepIdentity stepId={stepId} name={step.name} isEntry={isEntry} problems={problems} />
          </InspectorSection>
          <InspectorSection title="Configuration" testId="step-config">
            <ConfigSection stepId={stepId} stepType={step.type} config={step.config} problems={problems} />
          </InspectorSection>
          <StepRunSettings
            stepId={stepId}
            retry={step.retry}
            timeoutSeconds={step.timeout_seconds}
            onError={step.on_error}
            problems={problems}
          />
          <InspectorSection title="Ports" collapsible defaultOpen={false} summary={portSummary(step.type)}>
            <PortsSummary type={step.type} />
          </InspectorSection>
          <InspectorSection title="Connections" collapsible summary={edges.length === 0 ? "none" : `${edges.length}`}>
            <Connections stepId={stepId} edges={edges} />
          </InspectorSection>
        </>
      )}
    </div>
  );
}

function portSummary(type: string): string {
  const meta = builtinCatalog.get(type);
  if (!meta) return "";
  const level = (ports: readonly { level: string }[]) => [...new Set(ports.map((p) => p.level))].join("/");
  return `${level(meta.ports.inputs)} → ${level(meta.ports.outputs)}`;
}
