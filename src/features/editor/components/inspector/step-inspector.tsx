"use client";
import { useShallow } from "zustand/react/shallow";
import { Badge } from "@/components/ui/badge";
import type { Step } from "@/shared/segment";
import { stepAppearance } from "../../lib/step-appearance";
import { useEditorStore } from "../../store";
import { StepIcon } from "../step-icon";
import { Connections } from "./connections";
import { Fact, FactList, InspectorSection, JsonBlock, Mono } from "./inspector-parts";
import { InspectorHeader } from "./inspector-header";

export function StepInspector({ stepId }: { stepId: string }) {
  const step = useEditorStore((s) => s.nodes.find((n) => n.id === stepId)?.data.step);
  const isEntry = useEditorStore((s) => s.base.entrypoint === stepId);
  const edges = useEditorStore(useShallow((s) => s.edges.filter((e) => e.source === stepId || e.target === stepId)));
  if (!step) return null;
  const look = stepAppearance(step.type);

  return (
    <div data-testid="step-inspector">
      <InspectorHeader
        icon={<StepIcon appearance={look} />}
        title={step.name ?? step.step_id}
        subtitle={
          <span className="flex items-center gap-2">
            {look.label}
            {isEntry && (
              <Badge tone="green" className="px-1.5! py-0! text-[10px]!">
                Entry
              </Badge>
            )}
          </span>
        }
      />
      <InspectorSection title="Step">
        <FactList>
          <Fact label="Step id">
            <Mono>{step.step_id}</Mono>
          </Fact>
          <Fact label="Type">
            <Mono>{step.type}</Mono>
          </Fact>
          <Fact label="Retry">{describeRetry(step.retry)}</Fact>
          <Fact label="Timeout">{step.timeout_seconds !== undefined ? `${step.timeout_seconds} s` : "None"}</Fact>
          <Fact label="On error">{step.on_error === "continue" ? "Continue the run" : "Fail the run"}</Fact>
        </FactList>
      </InspectorSection>
      <InspectorSection title="Connections">
        <Connections stepId={stepId} edges={edges} />
      </InspectorSection>
      <InspectorSection title="Configuration">
        <JsonBlock label="config" value={step.config} defaultOpen />
      </InspectorSection>
    </div>
  );
}

function describeRetry(retry: Step["retry"]): string {
  if (!retry || retry.max_attempts <= 1) return "No retry";
  const parts = [`Up to ${retry.max_attempts} attempts`];
  if (retry.initial_seconds !== undefined) {
    const backoff = retry.multiplier !== undefined && retry.multiplier !== 1 ? `, ×${retry.multiplier}` : "";
    const cap = retry.max_seconds !== undefined ? `, max ${retry.max_seconds} s` : "";
    parts.push(`wait ${retry.initial_seconds} s${backoff}${cap}`);
  }
  return parts.join("; ");
}
