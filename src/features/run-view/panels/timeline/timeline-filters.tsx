"use client";
/** The timeline's filters: steps (a checklist) and types (chips of the types present, with counts). */
import { useMemo } from "react";
import { cx } from "@/components/ui/cx";
import { RUN_EVENT_TYPES, type RunEventType } from "@/shared/events/schema";
import { TONE_CHIP, TONE_DOT } from "./event-chip";
import type { EventCounts, EventFilter } from "./event-filter";
import { eventTone, eventTypeLabel } from "./event-summary";
import { StepFilter, type StepOption } from "./step-filter";

/** Steps checklist, plus "Only <selected step>" when a step is selected on the canvas. */
export function StepFilters({
  filter,
  counts,
  stepNames,
  selectedStepId,
  onToggleStep,
  onOnlyStep,
  onClearSteps,
}: {
  filter: EventFilter;
  counts: EventCounts;
  stepNames: Record<string, string>;
  selectedStepId: string | null;
  onToggleStep: (stepId: string) => void;
  onOnlyStep: (stepId: string) => void;
  onClearSteps: () => void;
}) {
  // Every step of the segment (in its order), then steps only the log knows (e.g. removed since).
  const stepOptions = useMemo<StepOption[]>(() => {
    const options = Object.entries(stepNames).map(([id, name]) => ({ id, name, count: counts.byStep.get(id) ?? 0 }));
    for (const [id, count] of counts.byStep) if (!(id in stepNames)) options.push({ id, name: id, count });
    return options;
  }, [stepNames, counts.byStep]);
  const offerOnly = selectedStepId !== null && !(filter.steps.size === 1 && filter.steps.has(selectedStepId));

  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <StepFilter options={stepOptions} selected={filter.steps} onToggle={onToggleStep} onClear={onClearSteps} />
      {offerOnly ? (
        <button
          type="button"
          onClick={() => onOnlyStep(selectedStepId)}
          className="inline-flex h-7 min-w-0 items-center rounded-md px-2 text-[12px] font-medium text-indigo-600 hover:bg-indigo-50"
          title="Show only the events of the step selected on the canvas"
        >
          <span className="max-w-[220px] truncate">Only “{stepNames[selectedStepId] ?? selectedStepId}”</span>
        </button>
      ) : null}
    </div>
  );
}

/** A chip per event type present in the log (with its count); none pressed = every type. */
export function TypeFilters({
  filter,
  counts,
  onToggleType,
}: {
  filter: EventFilter;
  counts: EventCounts;
  onToggleType: (type: RunEventType) => void;
}) {
  const presentTypes = RUN_EVENT_TYPES.filter((type) => (counts.byType.get(type) ?? 0) > 0 || filter.types.has(type));
  return (
    <div role="group" aria-label="Filter by event type" className="flex flex-wrap items-center gap-1.5">
      {presentTypes.map((type) => {
        const active = filter.types.has(type);
        const tone = eventTone(type);
        return (
          <button
            key={type}
            type="button"
            aria-pressed={active}
            title={type}
            onClick={() => onToggleType(type)}
            className={cx(
              "inline-flex h-6 items-center gap-1.5 rounded-full px-2 text-[11px] font-medium ring-1 transition-colors ring-inset",
              active ? TONE_CHIP[tone] : "bg-white text-slate-600 ring-slate-200 hover:bg-slate-50 hover:text-slate-900",
            )}
          >
            <span className={cx("size-1.5 rounded-full", TONE_DOT[tone])} aria-hidden />
            {eventTypeLabel(type)}
            <span className={cx("tabular-nums", active ? "opacity-70" : "text-slate-400")}>{(counts.byType.get(type) ?? 0).toLocaleString("en")}</span>
          </button>
        );
      })}
    </div>
  );
}
