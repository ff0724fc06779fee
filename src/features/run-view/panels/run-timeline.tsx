"use client";
/**
 * The run's event log: one row per event (time since the run started, type, step, what
 * happened), filterable by step and type, following the newest event while asked to.
 * Rows are virtualized and the filter is incremental, so 10,000 events and a live stream
 * stay smooth. Give it a height (it fills its container).
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { cx } from "@/components/ui/cx";
import { formatAbsoluteTime } from "@/components/ui/format-time";
import { XIcon } from "@/components/ui/icons";
import { usePeople } from "@/features/approvals/lib/people-context";
import type { RunEvent, RunEventType } from "@/shared/events/schema";
import { EventTypeChip } from "./timeline/event-chip";
import { countEvents, filterEvents, isFiltering, NO_FILTER, toggleInSet, type EventCounts, type EventFilter } from "./timeline/event-filter";
import { formatOffset, runStartTime, summarizeEvent } from "./timeline/event-summary";
import { StepFilters, TypeFilters } from "./timeline/timeline-filters";
import { FollowIcon } from "./timeline/timeline-icons";
import { useIncremental } from "./timeline/use-incremental";

const ROW_HEIGHT = 30;
const COLUMNS = "grid grid-cols-[88px_112px_minmax(96px,180px)_minmax(0,1fr)_52px] items-center gap-3";

export type RunTimelineProps = {
  events: RunEvent[];
  /** Display names by step_id (events of unknown steps show the id). */
  stepNames: Record<string, string>;
  selectedStepId: string | null;
  onSelectStep: (stepId: string) => void;
  /** Start scrolled to and following the newest event (default true). */
  defaultFollow?: boolean;
  /** Show the "Events <count>" title (default true); a container that names the panel itself can hide it (the "x of y" count of a filter still shows). */
  showTitle?: boolean;
  className?: string;
};

const countOf = (events: readonly RunEvent[], _: null, prev: EventCounts | null) => countEvents(events, prev);

export function RunTimeline({ events, stepNames, selectedStepId, onSelectStep, defaultFollow = true, showTitle = true, className }: RunTimelineProps) {
  const [filter, setFilter] = useState<EventFilter>(NO_FILTER);
  const [follow, setFollow] = useState(defaultFollow);
  const filtered = useIncremental(filterEvents, events, filter);
  const counts = useIncremental(countOf, events, null);
  const rows = filtered.rows;
  const start = useMemo(() => runStartTime(events), [events]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.event_id ?? index,
  });

  useLayoutEffect(() => {
    if (follow && rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: "end" });
  }, [follow, rows.length, virtualizer]);

  // Reading back through the log stops following; the Follow button resumes it.
  const stopFollowing = useCallback(() => setFollow(false), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (["ArrowUp", "PageUp", "Home"].includes(event.key)) stopFollowing();
  };

  const setTypes = (types: ReadonlySet<RunEventType>) => setFilter((f) => ({ ...f, types }));
  const setSteps = (steps: ReadonlySet<string>) => setFilter((f) => ({ ...f, steps }));

  return (
    <section aria-label="Run events" className={cx("flex h-full min-h-0 flex-col bg-white", className)} data-testid="run-timeline">
      <div className="space-y-2 border-b border-slate-200 px-4 py-2.5">
        <div className="flex items-center gap-3">
          {showTitle ? (
            <h2 className="shrink-0 text-[13px] font-semibold text-slate-900">
              Events
              <span className="ml-2 font-normal text-slate-500 tabular-nums" data-testid="timeline-count">
                {isFiltering(filter) ? `${rows.length.toLocaleString("en")} of ${events.length.toLocaleString("en")}` : events.length.toLocaleString("en")}
              </span>
            </h2>
          ) : isFiltering(filter) ? (
            <span className="shrink-0 text-[12px] text-slate-500 tabular-nums" data-testid="timeline-count">
              {rows.length.toLocaleString("en")} of {events.length.toLocaleString("en")}
            </span>
          ) : null}
          <StepFilters
            filter={filter}
            counts={counts}
            stepNames={stepNames}
            selectedStepId={selectedStepId}
            onToggleStep={(stepId) => setSteps(toggleInSet(filter.steps, stepId))}
            onOnlyStep={(stepId) => setSteps(new Set([stepId]))}
            onClearSteps={() => setSteps(new Set())}
          />
          {isFiltering(filter) ? (
            <button
              type="button"
              onClick={() => setFilter(NO_FILTER)}
              className="ml-auto inline-flex h-7 shrink-0 items-center gap-1 rounded-md px-2 text-[12px] font-medium text-slate-500 hover:bg-slate-100 hover:text-slate-800"
            >
              <XIcon className="size-3" />
              Clear filters
            </button>
          ) : null}
          <button
            type="button"
            aria-pressed={follow}
            onClick={() => setFollow(!follow)}
            title={follow ? "Following the newest event: click to stop" : "Scroll to the newest event and follow new ones"}
            className={cx(
              !isFiltering(filter) && "ml-auto",
              "inline-flex h-7 shrink-0 items-center gap-1.5 rounded-md px-2.5 text-[12px] font-medium ring-1 transition-colors ring-inset",
              follow ? "bg-indigo-50 text-indigo-700 ring-indigo-300 hover:bg-indigo-100" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
            )}
          >
            <FollowIcon className="size-3.5" />
            {follow ? "Following" : "Follow"}
          </button>
        </div>
        {counts.length > 0 ? (
          <TypeFilters filter={filter} counts={counts} onToggleType={(type) => setTypes(toggleInSet(filter.types, type))} />
        ) : null}
      </div>

      <div className={cx(COLUMNS, "border-b border-slate-100 bg-slate-50/80 px-4 py-1.5 text-[11px] font-semibold tracking-wider text-slate-500 uppercase")}>
        <span>Time</span>
        <span>Event</span>
        <span>Step</span>
        <span>Details</span>
        <span className="text-right">Seq</span>
      </div>

      {rows.length === 0 ? (
        <TimelineEmpty filtering={isFiltering(filter)} hasEvents={events.length > 0} onClear={() => setFilter(NO_FILTER)} />
      ) : (
        <div
          ref={scrollRef}
          onWheel={(event) => event.deltaY < 0 && stopFollowing()}
          onPointerDown={stopFollowing}
          onKeyDown={onKeyDown}
          className="min-h-0 flex-1 overflow-y-auto [overflow-anchor:none]"
          role="list"
          aria-label="Events"
        >
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const event = rows[item.index]!;
              return (
                <TimelineRow
                  key={item.key}
                  event={event}
                  top={item.start}
                  start={start}
                  stepName={event.step_id !== undefined ? (stepNames[event.step_id] ?? event.step_id) : null}
                  selected={event.step_id !== undefined && event.step_id === selectedStepId}
                  onSelectStep={onSelectStep}
                />
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}

type RowProps = {
  event: RunEvent;
  top: number;
  start: number | null;
  stepName: string | null;
  selected: boolean;
  onSelectStep: (stepId: string) => void;
};

// Memoized: a new event re-renders the rows whose props changed (their position), not the text work of all.
const TimelineRow = memo(function TimelineRow({ event, top, start, stepName, selected, onSelectStep }: RowProps) {
  const people = usePeople();
  const time = Date.parse(event.ts);
  const summary = summarizeEvent(event, people);
  const stepId = event.step_id;
  const content = (
    <>
      <span className="font-mono text-[12px] text-slate-500 tabular-nums" title={formatAbsoluteTime(event.ts)}>
        {start !== null ? formatOffset(time - start) : ""}
      </span>
      <span>
        <EventTypeChip type={event.type} />
      </span>
      <span className={cx("truncate", stepName ? "font-medium text-slate-800" : "text-slate-400")} title={stepId}>
        {stepName ?? "run"}
      </span>
      <span className={cx("truncate", event.type.endsWith("failed") ? "text-red-700" : "text-slate-600")} title={summary}>
        {summary}
      </span>
      <span className="text-right font-mono text-[11px] text-slate-400 tabular-nums">{event.seq}</span>
    </>
  );
  const rowClass = cx(
    COLUMNS,
    "h-[30px] w-full px-4 text-left text-[13px]",
    selected ? "bg-indigo-50" : "hover:bg-slate-50",
  );
  return (
    <div role="listitem" style={{ transform: `translateY(${top}px)` }} className="absolute inset-x-0 top-0" data-testid="timeline-row" data-type={event.type}>
      {stepId !== undefined ? (
        <button type="button" onClick={() => onSelectStep(stepId)} className={cx(rowClass, "cursor-pointer focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500")}>
          {content}
        </button>
      ) : (
        <div className={rowClass}>{content}</div>
      )}
    </div>
  );
});

function TimelineEmpty({ filtering, hasEvents, onClear }: { filtering: boolean; hasEvents: boolean; onClear: () => void }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-2 px-6 py-10 text-center">
      <p className="text-[13px] font-medium text-slate-700">
        {filtering && hasEvents ? "No event matches the filters" : "No events yet"}
      </p>
      {filtering && hasEvents ? (
        <button type="button" onClick={onClear} className="text-[12px] font-medium text-indigo-600 hover:text-indigo-800">
          Clear filters
        </button>
      ) : (
        <p className="text-[12px] text-slate-500">Events appear here as the run executes.</p>
      )}
    </div>
  );
}
