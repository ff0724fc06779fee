"use client";
/** The events of one step, newest last: type, what happened, time and attempt. */
import { useState } from "react";
import { usePeople } from "@/features/approvals/lib/people-context";
import type { RunEvent } from "@/shared/events/schema";
import { EventTypeChip } from "../timeline/event-chip";
import { eventAttempt, summarizeEvent } from "../timeline/event-summary";
import { timeOfDay } from "./time-format";

/** The newest events shown at first; a step of a long map or loop can have thousands. */
const PAGE = 100;

export function StepEvents({ events }: { events: readonly RunEvent[] }) {
  const [limit, setLimit] = useState(PAGE);
  const people = usePeople();
  if (events.length === 0) {
    return <p className="text-[13px] text-slate-500">No events for this step yet.</p>;
  }
  const hidden = Math.max(0, events.length - limit);
  const shown = hidden > 0 ? events.slice(hidden) : events;
  return (
    <div className="space-y-2">
      {hidden > 0 ? (
        <div className="flex items-center justify-between text-[12px] text-slate-500">
          <span>
            Latest {shown.length.toLocaleString("en")} of {events.length.toLocaleString("en")}
          </span>
          <button type="button" onClick={() => setLimit(limit + PAGE)} className="font-medium text-indigo-600 hover:text-indigo-800">
            Show {Math.min(PAGE, hidden).toLocaleString("en")} earlier
          </button>
        </div>
      ) : null}
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="step-events">
        {shown.map((event) => {
          const attempt = eventAttempt(event);
          const summary = summarizeEvent(event, people);
          return (
            <li key={event.event_id} className="px-3 py-2">
              <div className="flex items-center gap-2">
                <EventTypeChip type={event.type} />
                <span className="min-w-0 flex-1 truncate text-[13px] text-slate-700" title={summary}>
                  {summary}
                </span>
              </div>
              <div className="mt-1 flex items-center gap-2 text-[11px] text-slate-500 tabular-nums">
                <time dateTime={event.ts} className="font-mono">
                  {timeOfDay(event.ts)}
                </time>
                {attempt !== null ? <span>· attempt {attempt}</span> : null}
                <span className="ml-auto font-mono text-slate-400">seq {event.seq}</span>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
