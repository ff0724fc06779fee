"use client";
/** The segment picker's list (saved segments, then a typed id to use as it is) and its "Open" link. */
import { ArrowUpRightIcon } from "@/components/ui/icons";
import { cx } from "@/components/ui/cx";
import { segmentHref } from "../../../segments/lib/segment-href";
import type { SegmentChoice } from "../segment-options";

type ListProps = {
  listId: string;
  choices: readonly SegmentChoice[];
  /** A typed id to offer as it is (last row), or null. */
  typed: string | null;
  highlighted: number;
  selected: string;
  loading: boolean;
  failed: boolean;
  onHover: (index: number) => void;
  onPick: (segmentId: string) => void;
};

export function SegmentList({ listId, choices, typed, highlighted, selected, loading, failed, onHover, onPick }: ListProps) {
  let note: string | null = null;
  if (loading) note = "Loading segments…";
  else if (failed) note = "The saved segments could not be loaded: type the id.";
  else if (choices.length === 0) note = typed ? "No saved segment matches." : "No other saved segment yet.";
  const row = (index: number) =>
    cx("flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5", index === highlighted && "bg-indigo-50");
  return (
    <ul
      id={listId}
      role="listbox"
      aria-label="Saved segments"
      className="absolute top-full right-0 left-0 z-20 mt-1 max-h-64 overflow-y-auto rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-900/10"
      // A click on the list must not blur the input first (which would close it).
      onMouseDown={(event) => event.preventDefault()}
    >
      {note && (
        <li role="presentation" className="px-2.5 py-2.5 text-center text-[12px] text-slate-500">
          {note}
        </li>
      )}
      {choices.map((segment, index) => (
        <li
          key={segment.segment_id}
          id={`${listId}-${index}`}
          role="option"
          aria-selected={segment.segment_id === selected}
          data-testid={`segment-option-${segment.segment_id}`}
          className={row(index)}
          onPointerMove={() => onHover(index)}
          onClick={() => onPick(segment.segment_id)}
        >
          <span className="min-w-0 flex-1">
            <span className="block truncate text-[13px] leading-5 font-medium text-slate-800">{segment.name}</span>
            <span className="block truncate font-mono text-[11px] leading-4 text-slate-500">{segment.segment_id}</span>
          </span>
          <RevisionTag revision={segment.latest_revision} />
        </li>
      ))}
      {typed && (
        <li
          id={`${listId}-${choices.length}`}
          role="option"
          aria-selected={false}
          className={cx(row(choices.length), choices.length > 0 && "mt-1 border-t border-slate-100")}
          onPointerMove={() => onHover(choices.length)}
          onClick={() => onPick(typed)}
        >
          <span className="min-w-0 flex-1 truncate text-[13px] leading-5 text-slate-700">
            Use <span className="font-mono font-medium text-slate-900">{typed}</span>
          </span>
          <span className="shrink-0 rounded bg-amber-50 px-1.5 text-[11px] leading-5 text-amber-700 ring-1 ring-amber-200 ring-inset">not saved yet</span>
        </li>
      )}
    </ul>
  );
}

function RevisionTag({ revision }: { revision: number }) {
  if (revision < 1) {
    return <span className="shrink-0 rounded bg-amber-50 px-1.5 text-[11px] leading-5 text-amber-700 ring-1 ring-amber-200 ring-inset">no revision</span>;
  }
  return <span className="shrink-0 rounded bg-slate-100 px-1.5 text-[11px] leading-5 text-slate-600 tabular-nums">rev {revision}</span>;
}

export function OpenSegmentLink({ segmentId, name }: { segmentId: string | null; name: string | undefined }) {
  const look = "inline-flex h-8 shrink-0 items-center gap-1 rounded-md px-2 text-[12px] font-medium";
  if (!segmentId) {
    return (
      <span className={cx(look, "cursor-not-allowed text-slate-300")} aria-disabled title="Choose a saved segment to open it">
        Open
        <ArrowUpRightIcon className="size-3.5" />
      </span>
    );
  }
  return (
    <a
      href={segmentHref(segmentId)}
      target="_blank"
      rel="noopener"
      className={cx(look, "text-indigo-600 ring-1 ring-slate-200 hover:bg-indigo-50 hover:ring-indigo-200")}
      title={`Open “${name ?? segmentId}” in a new tab`}
    >
      Open
      <ArrowUpRightIcon className="size-3.5" />
    </a>
  );
}
