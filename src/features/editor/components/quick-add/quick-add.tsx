"use client";
/**
 * Quick-add: a search box at the cursor listing the catalog, best match first. ↑/↓ move,
 * Enter adds the highlighted type where the popover was opened, Escape or a click outside
 * closes it. Opened by double-clicking the canvas, by `/` or `A`, or by dropping a new
 * connection on empty canvas (then the new step is connected).
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { SearchIcon } from "@/components/ui/icons";
import { stepAppearance } from "../../lib/step-appearance";
import { rankCatalog } from "../palette/catalog-search";
import { StepIcon } from "../step-icon";

const WIDTH = 320;
const MAX_HEIGHT = 380;
const MARGIN = 12;

type Props = {
  /** Where it opens, in pixels from the canvas's top-left corner. */
  at: { x: number; y: number };
  /** Size of the canvas, to keep the popover inside it. */
  bounds: { width: number; height: number };
  /** Shown above the search box, e.g. "Connect from Classify ticket". */
  context?: string;
  onPick: (typeId: string) => void;
  onClose: () => void;
};

export function QuickAdd({ at, bounds, context, onPick, onClose }: Props) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const results = useMemo(() => rankCatalog(query), [query]);
  const rootRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const highlighted = Math.min(active, Math.max(0, results.length - 1));

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => document.removeEventListener("pointerdown", onPointerDown, true);
  }, [onClose]);

  useEffect(() => {
    rootRef.current?.querySelector(`[data-index="${highlighted}"]`)?.scrollIntoView({ block: "nearest" });
  }, [highlighted]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const delta = event.key === "ArrowDown" ? 1 : -1;
      setActive((highlighted + delta + results.length) % Math.max(1, results.length));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const pick = results[highlighted];
      if (pick) onPick(pick.type_id);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  const left = Math.max(MARGIN, Math.min(at.x, bounds.width - WIDTH - MARGIN));
  const top = Math.max(MARGIN, Math.min(at.y, bounds.height - MAX_HEIGHT - MARGIN));

  return (
    <div
      ref={rootRef}
      className="nodrag nopan nowheel absolute z-30 flex flex-col overflow-hidden rounded-xl bg-white shadow-xl ring-1 ring-slate-900/10 transition duration-100 starting:scale-95 starting:opacity-0"
      style={{ left, top, width: WIDTH, maxHeight: MAX_HEIGHT }}
      data-testid="quick-add"
      data-canvas-popover
      role="dialog"
      aria-label="Add a step"
    >
      {context && (
        <div className="border-b border-slate-100 bg-slate-50 px-3 py-1.5 text-xs text-slate-600">{context}</div>
      )}
      <div className="relative border-b border-slate-100">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
        <input
          // Focus on open: the user pressed a key or double-clicked to type a step name.
          autoFocus
          role="combobox"
          aria-expanded
          aria-controls={listId}
          aria-activedescendant={results[highlighted] ? `${listId}-${highlighted}` : undefined}
          aria-label="Search step types"
          placeholder="Add a step…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="h-11 w-full bg-transparent pr-3 pl-9 text-sm text-slate-900 outline-none placeholder:text-slate-400"
        />
      </div>
      <ul id={listId} role="listbox" aria-label="Step types" className="min-h-0 flex-1 overflow-y-auto p-1.5">
        {results.length === 0 && <li className="px-3 py-6 text-center text-sm text-slate-500">No step type matches.</li>}
        {results.map((entry, index) => (
          <li
            key={entry.type_id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === highlighted}
            data-index={index}
            data-testid={`quick-add-item-${entry.type_id}`}
            className={`flex cursor-pointer items-center gap-2.5 rounded-lg px-2 py-1.5 ${index === highlighted ? "bg-indigo-50" : ""}`}
            onPointerMove={() => setActive(index)}
            onClick={() => onPick(entry.type_id)}
          >
            <StepIcon appearance={stepAppearance(entry.type_id)} size="sm" />
            <span className="min-w-0 flex-1">
              <span className="block truncate text-[13px] leading-5 font-medium text-slate-800">{entry.display_name}</span>
              <span className="block truncate text-xs leading-4 text-slate-500">{entry.description}</span>
            </span>
            {index === highlighted && (
              <kbd className="shrink-0 rounded border border-slate-200 bg-white px-1 font-mono text-[10px] leading-4 text-slate-500">↵</kbd>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
