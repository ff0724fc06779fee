import { cx } from "@/components/ui/cx";
import type { RunEventType } from "@/shared/events/schema";
import { eventTone, eventTypeLabel, type EventTone } from "./event-summary";

export const TONE_CHIP: Record<EventTone, string> = {
  blue: "bg-blue-50 text-blue-700 ring-blue-600/20",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  red: "bg-red-50 text-red-700 ring-red-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/25",
  gray: "bg-gray-100 text-gray-600 ring-gray-500/15",
  slate: "bg-slate-100 text-slate-700 ring-slate-600/20",
  indigo: "bg-indigo-50 text-indigo-700 ring-indigo-600/20",
  violet: "bg-violet-50 text-violet-700 ring-violet-600/20",
};

export const TONE_DOT: Record<EventTone, string> = {
  blue: "bg-blue-500",
  green: "bg-emerald-500",
  red: "bg-red-500",
  amber: "bg-amber-500",
  gray: "bg-gray-400",
  slate: "bg-slate-500",
  indigo: "bg-indigo-500",
  violet: "bg-violet-500",
};

/** An event type as a coloured chip ("Completed", "Run failed"); the exact type name on hover. */
export function EventTypeChip({ type, className }: { type: RunEventType; className?: string }) {
  return (
    <span
      title={type}
      className={cx(
        "inline-flex h-5 items-center rounded px-1.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset",
        TONE_CHIP[eventTone(type)],
        className,
      )}
    >
      {eventTypeLabel(type)}
    </span>
  );
}
