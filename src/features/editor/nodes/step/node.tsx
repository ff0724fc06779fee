"use client";
/**
 * A step on the canvas: header (icon, name, type), config summary, handles, the "Start"
 * pill on the entrypoint and the validator's badge. Memoized, and every store read is a
 * small value for this step (never the whole node or edge array), so dragging one node or
 * editing one config re-renders one card, not 500.
 */
import type { NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import type { Problem } from "@/shared/validation";
import { StepIcon } from "../../components/step-icon";
import { configSummary } from "../../lib/config-summary";
import type { StepNode } from "../../lib/flow-convert";
import { stepAppearance } from "../../lib/step-appearance";
import { handlesUsedBy, stepHandles } from "../../lib/step-ports";
import { useEditorStore } from "../../store";
import { ProblemBadge, problemTone } from "../problem-badge";
import { StepRunDecoration, useStepRunLook } from "./run-decoration";
import { HeaderHandle, PortRows } from "./step-handles";
import { useConnectHighlights } from "./use-connect-highlight";

export const STEP_NODE_WIDTH = 240;

const NO_PROBLEMS: readonly Problem[] = [];

function borderColor(selected: boolean, accent: string, problems: readonly Problem[]): string {
  if (selected) return accent;
  if (problems.length === 0) return "#e2e8f0";
  return problemTone(problems) === "error" ? "#fca5a5" : "#fcd34d";
}

function StepNodeView({ id, data, selected, isConnectable }: NodeProps<StepNode>) {
  const { step } = data;
  const look = stepAppearance(step.type);
  const isStart = useEditorStore((s) => s.base.entrypoint === id);
  const problems = useEditorStore((s) => s.problemsByStep.get(id)) ?? NO_PROBLEMS;
  const usedOut = useEditorStore(useShallow((s) => handlesUsedBy(s.edges, id, "source")));
  const usedIn = useEditorStore(useShallow((s) => handlesUsedBy(s.edges, id, "target")));
  const outputs = useMemo(() => stepHandles(step.type, "source", usedOut), [step.type, usedOut]);
  const inputs = useMemo(() => stepHandles(step.type, "target", usedIn), [step.type, usedIn]);
  const highlights = useConnectHighlights(id, inputs, outputs);
  const inHighlights = highlights?.target ?? null;
  const outHighlights = highlights?.source ?? null;
  const summary = useMemo(() => configSummary(step.type, step.config), [step.type, step.config]);
  const title = step.name?.trim() ? step.name : step.step_id;
  const isSelected = Boolean(selected);
  const runLook = useStepRunLook(id);

  return (
    <div
      className="llmteam-card relative rounded-xl border bg-white shadow-[0_1px_3px_rgba(15,23,42,0.08)]"
      style={{
        width: STEP_NODE_WIDTH,
        // Zoomed far out, the card is drawn as a block of its type's colour (see the canvas CSS).
        ["--step-accent" as string]: look.accent,
        borderColor: borderColor(isSelected, look.accent, problems),
        boxShadow: isSelected ? `0 0 0 3px ${look.accent}33, 0 6px 16px rgba(15,23,42,0.10)` : undefined,
      }}
      data-testid={`step-node-${id}`}
      data-start={isStart || undefined}
      data-selected={isSelected || undefined}
      data-run-status={runLook?.status}
    >
      {isStart && <StartPill />}
      <ProblemBadge problems={problems} className="-top-2.5 -right-2.5" testId={`step-problems-${id}`} />
      {runLook && <StepRunDecoration stepId={id} look={runLook} />}
      <div className="h-1 rounded-t-[11px]" style={{ backgroundColor: look.accent }} />
      <div className="flex items-center gap-2.5 px-3 py-2.5">
        <StepIcon appearance={look} />
        <div className="min-w-0 flex-1">
          <div className="truncate text-[13px] leading-5 font-semibold text-slate-900" title={title} data-lod="title">
            {title}
          </div>
          <div className="truncate text-xs leading-4 text-slate-500" title={`${look.label} · ${step.step_id}`} data-lod="detail">
            {look.label}
          </div>
        </div>
      </div>
      {summary !== undefined && (
        <div className="mx-3 mb-3 -mt-0.5 rounded-md border border-slate-100 bg-slate-50 px-2 py-[3px]" title={summary}>
          <p className="truncate font-mono text-[11px] leading-4 text-slate-600" data-lod="detail">
            {summary}
          </p>
        </div>
      )}
      {inputs.length > 1 ? (
        <PortRows side="target" handles={inputs} highlights={inHighlights} connectable={isConnectable} />
      ) : (
        <HeaderHandle side="target" handles={inputs} highlights={inHighlights} connectable={isConnectable} />
      )}
      {outputs.length > 1 ? (
        <PortRows side="source" handles={outputs} highlights={outHighlights} connectable={isConnectable} />
      ) : (
        <HeaderHandle side="source" handles={outputs} highlights={outHighlights} connectable={isConnectable} />
      )}
    </div>
  );
}

function StartPill() {
  return (
    <div
      className="absolute -top-[11px] left-3 z-10 flex h-[20px] items-center gap-1 rounded-full bg-emerald-600 pr-2 pl-1.5 text-[10px] leading-none font-semibold tracking-wide text-white uppercase shadow-sm ring-2 ring-white"
      title="The run starts with this step"
    >
      <svg width="8" height="8" viewBox="0 0 10 10" aria-hidden>
        <path d="M2 1l7 4-7 4z" fill="currentColor" />
      </svg>
      Start
    </div>
  );
}

/**
 * Re-render only for what the card shows: React Flow also passes the position and measured
 * size, which change on every drag frame and once after measuring, and never alter the card.
 */
const sameCard = (a: NodeProps<StepNode>, b: NodeProps<StepNode>) =>
  a.id === b.id && a.data === b.data && a.selected === b.selected && a.isConnectable === b.isConnectable;

export const StepNodeComponent = memo(StepNodeView, sameCard);
StepNodeComponent.displayName = "StepNode";
