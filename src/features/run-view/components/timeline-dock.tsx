"use client";
/** The bottom panel: the run's event timeline, folded to a bar by default. */
import { ChevronDownIcon } from "@/components/ui/icons";
import { useEditorStore } from "@/features/editor/store";
import { useRunLiveState } from "../live/run-live-cache";
import { RunTimeline } from "../panels/run-timeline";
import { useRunViewStore } from "../store/run-view-store";

const TIMELINE_HEIGHT = 300;

export function TimelineDock({ runId, stepNames }: { runId: string; stepNames: Record<string, string> }) {
  const open = useRunViewStore((s) => s.timelineOpen);
  const setOpen = useRunViewStore((s) => s.setTimelineOpen);
  const count = useRunLiveState(runId, (s) => s.events.length);
  return (
    <section aria-label="Timeline" className="flex shrink-0 flex-col border-t border-slate-200 bg-white" data-testid="timeline-dock">
      <button
        type="button"
        className="flex h-9 shrink-0 items-center gap-2 px-4 text-left text-[13px] font-medium text-slate-700 hover:bg-slate-50"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <ChevronDownIcon className={`size-4 text-slate-400 transition-transform ${open ? "" : "-rotate-180"}`} />
        Timeline
        <span className="rounded-full bg-slate-100 px-1.5 py-px text-[11px] font-semibold text-slate-600 tabular-nums">{count.toLocaleString("en")}</span>
        <span className="text-xs font-normal text-slate-400">events</span>
      </button>
      {open ? (
        <div className="min-h-0 border-t border-slate-100" style={{ height: TIMELINE_HEIGHT }}>
          <OpenTimeline runId={runId} stepNames={stepNames} />
        </div>
      ) : null}
    </section>
  );
}

/** Subscribes to the event list only while open (it changes with every event). */
function OpenTimeline({ runId, stepNames }: { runId: string; stepNames: Record<string, string> }) {
  const events = useRunLiveState(runId, (s) => s.events);
  const selected = useEditorStore((s) => s.selectedStepId);
  const requestFocus = useEditorStore((s) => s.requestFocus);
  return (
    <RunTimeline
      events={events}
      stepNames={stepNames}
      selectedStepId={selected}
      onSelectStep={(stepId) => requestFocus({ kind: "step", id: stepId })}
      showTitle={false}
      className="h-full"
    />
  );
}
