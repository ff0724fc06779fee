"use client";
/** A step on the canvas: header (icon, name, type), config summary, handles. */
import type { NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { StepIcon } from "../../components/step-icon";
import { configSummary } from "../../lib/config-summary";
import type { StepNode } from "../../lib/flow-convert";
import { stepAppearance } from "../../lib/step-appearance";
import { declaredInputs, declaredOutputs, portsInUse } from "../../lib/step-ports";
import { useEditorStore } from "../../store";
import { InputPortRows, OutputPortRows, SingleHandle } from "./step-handles";

export const STEP_NODE_WIDTH = 224;

function StepNodeView({ id, data, selected }: NodeProps<StepNode>) {
  const { step } = data;
  const look = stepAppearance(step.type);
  const isEntry = useEditorStore((s) => s.base.entrypoint === id);
  const outputs = useEditorStore(useShallow((s) => portsInUse(s.edges, id, "source", declaredOutputs(step.type))));
  const inputs = useEditorStore(useShallow((s) => portsInUse(s.edges, id, "target", declaredInputs(step.type))));
  const summary = useMemo(() => configSummary(step.type, step.config), [step.type, step.config]);
  const title = step.name ?? step.step_id;

  return (
    <div
      className="relative rounded-xl border bg-white shadow-[0_1px_3px_rgba(15,23,42,0.08)] transition-shadow"
      style={{
        width: STEP_NODE_WIDTH,
        borderColor: selected ? look.accent : "#e2e8f0",
        boxShadow: selected ? `0 0 0 3px ${look.accent}2e, 0 4px 12px rgba(15,23,42,0.08)` : undefined,
      }}
      data-testid={`step-node-${id}`}
    >
      {isEntry && <EntryTab />}
      <div className="h-1 rounded-t-[11px]" style={{ backgroundColor: look.accent }} />
      <div className="flex items-start gap-2.5 px-3 pt-2 pb-2">
        <StepIcon appearance={look} />
        <div className="min-w-0 flex-1">
          <div className="line-clamp-2 text-[13px] leading-5 font-semibold break-words text-slate-900" title={title}>
            {title}
          </div>
          <div className="truncate text-xs leading-4 text-slate-500">{look.label}</div>
        </div>
      </div>
      {summary !== undefined && (
        <div className="mx-3 mb-3 rounded-md bg-slate-50 px-2 py-1" title={summary}>
          <p className="line-clamp-2 font-mono text-[11px] leading-4 break-words text-slate-600">{summary}</p>
        </div>
      )}
      {inputs.length > 1 ? (
        <InputPortRows ports={inputs} color="#94a3b8" />
      ) : (
        <SingleHandle type="target" id={inputs[0] ?? "in"} color="#94a3b8" />
      )}
      {outputs.length > 1 ? (
        <OutputPortRows ports={outputs} color={look.accent} />
      ) : (
        <SingleHandle type="source" id={outputs[0] ?? "out"} color={look.accent} />
      )}
    </div>
  );
}

function EntryTab() {
  return (
    <div className="absolute -top-[22px] left-2 flex items-center gap-1 rounded-t-md bg-emerald-600 px-2 pt-0.5 pb-1 text-[10px] leading-3 font-semibold tracking-wide text-white uppercase">
      <svg width="8" height="8" viewBox="0 0 10 10" aria-hidden>
        <path d="M2 1l7 4-7 4z" fill="currentColor" />
      </svg>
      Entry
    </div>
  );
}

export const StepNodeComponent = memo(StepNodeView);
StepNodeComponent.displayName = "StepNode";
