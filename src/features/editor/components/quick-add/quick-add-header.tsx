"use client";
/**
 * Quick-add's header when it was opened from a handle: what the new step will connect to
 * ("Connect to · Classify ticket · Input", the port dot in its level's colour) and, when some
 * types cannot be wired there, how many of the catalog's types are listed.
 */
import { portColor } from "../../nodes/port-colors";
import type { LinkTitle } from "./quick-add-link";

type Props = { title: LinkTitle; shown: number; total: number };

export function QuickAddLinkHeader({ title, shown, total }: Props) {
  return (
    <div
      className="flex items-center gap-1.5 border-b border-slate-100 bg-slate-50 px-3 py-2 text-xs text-slate-500"
      data-testid="quick-add-link"
    >
      <LinkGlyph />
      <span className="shrink-0">{title.lead}</span>
      <span className="min-w-0 truncate font-medium text-slate-800" title={title.step}>
        {title.step}
      </span>
      <span aria-hidden className="text-slate-300">
        ·
      </span>
      <span className="inline-flex shrink-0 items-center gap-1 font-medium text-slate-700">
        <span aria-hidden className="size-2 rounded-full" style={{ backgroundColor: portColor(title.level) }} />
        {title.port}
      </span>
      {shown < total && (
        <span className="ml-auto shrink-0 pl-2 text-[11px] text-slate-400 tabular-nums" title="Only the step types that can be wired here">
          {shown} of {total} fit
        </span>
      )}
    </div>
  );
}

function LinkGlyph() {
  return (
    <svg className="size-3.5 shrink-0 text-slate-400" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden>
      <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.5 1.5" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.5-1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
