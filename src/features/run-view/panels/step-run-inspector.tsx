"use client";
/**
 * The selected step of a run: status, attempts, timings, tokens and cost, the live LLM text,
 * and its input, output, error and events. Props only: the run view feeds it the step's live
 * state and the run's events.
 */
import { useMemo, useState } from "react";
import { StepIcon } from "@/features/editor/components/step-icon";
import { InspectorSection, Tabs } from "@/features/editor/components/inspector/inspector-parts";
import { stepAppearance } from "@/features/editor/lib/step-appearance";
import { Button } from "@/components/ui/button";
import { RefreshIcon, XIcon } from "@/components/ui/icons";
import { builtinCatalog } from "@/shared/catalog";
import type { RunEvent } from "@/shared/events/schema";
import type { StepLiveState } from "../lib/run-live-state";
import { CriticIterations } from "./inspector/critic-iterations";
import { StepError } from "./inspector/step-error";
import { StepEvents } from "./inspector/step-events";
import { StepFacts } from "./inspector/step-facts";
import { StepStatusBadge } from "./inspector/step-status-badge";
import { TokenPreview } from "./inspector/token-preview";
import { JsonViewer } from "./json-viewer";

type Tab = "input" | "output" | "error" | "events";

export type StepRunInspectorProps = {
  runId: string;
  step: { step_id: string; type: string; name?: string | undefined };
  /** Null: the step has no state in this run yet (not reached). */
  state: StepLiveState | null;
  /** The run's events (only this step's are shown). */
  events: RunEvent[];
  /** Offered on finished runs: starts a new run from this step. */
  onRerunFrom?: () => void;
  onClose: () => void;
};

export function StepRunInspector({ runId, step, state, events, onRerunFrom, onClose }: StepRunInspectorProps) {
  const look = stepAppearance(step.type);
  const name = step.name ?? step.step_id;
  const isLlm = builtinCatalog.get(step.type)?.category === "ai";
  const stepEvents = useMemo(() => events.filter((e) => e.step_id === step.step_id && e.run_id === runId), [events, step.step_id, runId]);

  // The tab the reader picked for this step; until then the one that matters for its status.
  const [picked, setPicked] = useState<{ stepId: string; tab: Tab } | null>(null);
  const fallback = defaultTab(state);
  const pickedTab = picked?.stepId === step.step_id ? picked.tab : null;
  const tab = pickedTab === "error" && !state?.error ? fallback : (pickedTab ?? fallback);

  const tabs = [
    { id: "input" as const, label: "Input" },
    { id: "output" as const, label: "Output" },
    ...(state?.error ? [{ id: "error" as const, label: "Error", badge: <span className="size-1.5 rounded-full bg-red-500" aria-hidden /> }] : []),
    { id: "events" as const, label: "Events", badge: <span className="text-[11px] text-slate-400 tabular-nums">{stepEvents.length.toLocaleString("en")}</span> },
  ];
  const streaming = state?.status === "running" && state.token_preview !== "";

  return (
    <div className="flex h-full min-h-0 flex-col bg-white" data-testid="step-run-inspector" data-step-id={step.step_id}>
      <header className="shrink-0 px-5 pt-5 pb-4">
        <div className="flex items-start gap-3">
          <StepIcon appearance={look} />
          <div className="min-w-0 flex-1">
            <h2 className="truncate text-[15px] leading-6 font-semibold text-slate-900" title={name}>
              {name}
            </h2>
            <div className="flex min-w-0 items-center gap-1.5 text-xs text-slate-500">
              <span className="shrink-0">{look.label}</span>
              {step.name ? <span className="truncate font-mono text-[11px] text-slate-400">· {step.step_id}</span> : null}
            </div>
          </div>
          <div className="flex shrink-0 items-center gap-1">
            <StepStatusBadge status={state?.status ?? "pending"} detail={state?.error?.message} />
            <button
              type="button"
              onClick={onClose}
              aria-label="Close the step"
              title="Close"
              className="-mr-1.5 rounded-md p-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
            >
              <XIcon className="size-4" />
            </button>
          </div>
        </div>
      </header>

      {/* Keyed by step: another step starts at the top with fresh panels, not mid-scroll. */}
      <div key={step.step_id} className="min-h-0 flex-1 overflow-y-auto">
        {state ? (
          <section className="border-t border-slate-100 px-5 py-4" aria-label="Run facts">
            <StepFacts state={state} isLlm={isLlm} />
            {onRerunFrom ? (
              <Button size="sm" className="mt-4 w-full" icon={<RefreshIcon className="size-3.5" />} onClick={onRerunFrom} data-testid="rerun-from-step">
                Re-run from this step
              </Button>
            ) : null}
          </section>
        ) : (
          <p className="border-t border-slate-100 px-5 py-4 text-[13px] text-slate-500">This step has not been reached in this run yet.</p>
        )}

        {streaming ? (
          <div className="px-5 pb-4">
            <TokenPreview text={state.token_preview} />
          </div>
        ) : null}

        {state && state.critic_iterations.length > 0 ? (
          <InspectorSection title="Critic iterations" collapsible defaultOpen={false} summary={`${state.critic_iterations.length}`}>
            <CriticIterations iterations={state.critic_iterations} result={state.critic_result} />
          </InspectorSection>
        ) : null}

        <div className="sticky top-0 z-10 border-t border-slate-100 bg-white px-5 pt-3 pb-3">
          <Tabs label="Step data" items={tabs} value={tab} onChange={(next) => setPicked({ stepId: step.step_id, tab: next })} />
        </div>
        <div className="px-5 pb-5" role="tabpanel" aria-label={tab}>
          {tab === "input" ? (
            <JsonViewer
              key={`${step.step_id}:input`}
              value={state?.input}
              label={`Input of ${name}`}
              rootName="input"
              emptyText={state && state.status !== "pending" && state.status !== "skipped" ? "No input recorded." : "The step has not started, so it has no input yet."}
            />
          ) : tab === "output" ? (
            <OutputPanel stepId={step.step_id} name={name} state={state} />
          ) : tab === "error" && state?.error ? (
            <StepError error={state.error} continued={state.continued} label={name} />
          ) : (
            <StepEvents events={stepEvents} />
          )}
        </div>
      </div>
    </div>
  );
}

function OutputPanel({ stepId, name, state }: { stepId: string; name: string; state: StepLiveState | null }) {
  const finished = state?.status === "completed" || (state?.status === "failed" && state.continued);
  if (!state || (!finished && (state.output === null || state.output === undefined))) {
    return <p className="text-[13px] text-slate-500">{noOutputText(state)}</p>;
  }
  return <JsonViewer key={`${stepId}:output`} value={state.output} label={`Output of ${name}`} />;
}

function noOutputText(state: StepLiveState | null): string {
  switch (state?.status) {
    case "running":
      return state.retry_at ? "No output yet: a retry is scheduled." : "No output yet: the step is running.";
    case "waiting":
      return "No output yet: the step waits for a decision.";
    case "failed":
      return "No output: the step failed (see Error).";
    case "skipped":
      return "No output: the step was skipped.";
    case "cancelled":
      return "No output: the step was cancelled.";
    default:
      return "No output yet.";
  }
}

function defaultTab(state: StepLiveState | null): Tab {
  if (!state) return "input";
  if (state.status === "failed" && state.error) return "error";
  if (state.status === "completed") return "output";
  return "input";
}
