/**
 * Filtering the run's event log by step and type, and counting what there is to filter by.
 * The log only grows (events are appended in seq order), so both are incremental: when the
 * new log extends the one already processed and the filter is unchanged, only the new tail is
 * looked at. A 10,000-event run receiving live events costs a few events per batch, not 10,000.
 */
import type { RunEvent, RunEventType } from "@/shared/events/schema";

export type EventFilter = {
  /** Steps to show; empty: every step (and the run-level events). */
  steps: ReadonlySet<string>;
  /** Types to show; empty: every type. */
  types: ReadonlySet<RunEventType>;
};

export const NO_FILTER: EventFilter = { steps: new Set(), types: new Set() };

export function isFiltering(filter: EventFilter): boolean {
  return filter.steps.size > 0 || filter.types.size > 0;
}

export function matchesFilter(event: RunEvent, filter: EventFilter): boolean {
  if (filter.types.size > 0 && !filter.types.has(event.type)) return false;
  // Run-level events (no step) are hidden when a step filter is on: the reader asked for steps.
  if (filter.steps.size > 0 && (event.step_id === undefined || !filter.steps.has(event.step_id))) return false;
  return true;
}

/** A processed prefix of the log: which events it covered, so the next call can resume. */
type Processed = {
  source: readonly RunEvent[];
  /** How many events of `source` were processed. */
  length: number;
};

/** `events` extends the log processed before: same first `prev.length` events (checked at the ends). */
function extendsPrevious(prev: Processed | null, events: readonly RunEvent[]): prev is Processed {
  if (!prev || events.length < prev.length) return false;
  if (prev.source === events) return true;
  if (prev.length === 0) return true;
  // Appending keeps the old event objects: comparing the first and last processed ones tells a
  // grown log from a replaced one (a different run, a reset) without walking it.
  return events[0] === prev.source[0] && events[prev.length - 1] === prev.source[prev.length - 1];
}

export type FilteredEvents = Processed & {
  filter: EventFilter;
  /** The events that pass the filter, in log order. */
  rows: readonly RunEvent[];
};

/**
 * The events passing `filter`. Give the previous result as `prev`: with the same filter object
 * and a log that only grew, only the new events are tested and `prev` is returned as is when
 * nothing new passed.
 */
export function filterEvents(events: readonly RunEvent[], filter: EventFilter, prev: FilteredEvents | null = null): FilteredEvents {
  if (!isFiltering(filter)) {
    // Nothing to test: the log itself is the result.
    return prev && prev.source === events && prev.filter === filter ? prev : { source: events, length: events.length, filter, rows: events };
  }
  if (prev && prev.filter === filter && extendsPrevious(prev, events)) {
    if (events.length === prev.length) return prev.source === events ? prev : { ...prev, source: events };
    const added: RunEvent[] = [];
    for (let i = prev.length; i < events.length; i++) {
      const event = events[i]!;
      if (matchesFilter(event, filter)) added.push(event);
    }
    return { source: events, length: events.length, filter, rows: added.length > 0 ? prev.rows.concat(added) : prev.rows };
  }
  return { source: events, length: events.length, filter, rows: events.filter((event) => matchesFilter(event, filter)) };
}

export type EventCounts = Processed & {
  byType: ReadonlyMap<RunEventType, number>;
  byStep: ReadonlyMap<string, number>;
};

/** How many events there are of each type and each step (for the filter chips), incrementally. */
export function countEvents(events: readonly RunEvent[], prev: EventCounts | null = null): EventCounts {
  const resume = extendsPrevious(prev, events);
  if (resume && prev && events.length === prev.length) return prev.source === events ? prev : { ...prev, source: events };
  const from = resume && prev ? prev.length : 0;
  const byType = new Map(resume && prev ? prev.byType : []);
  const byStep = new Map(resume && prev ? prev.byStep : []);
  for (let i = from; i < events.length; i++) {
    const event = events[i]!;
    byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
    if (event.step_id !== undefined) byStep.set(event.step_id, (byStep.get(event.step_id) ?? 0) + 1);
  }
  return { source: events, length: events.length, byType, byStep };
}

/** A set with `item` added or removed (a new object, so React and the filter cache see the change). */
export function toggleInSet<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const next = new Set(set);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next;
}
