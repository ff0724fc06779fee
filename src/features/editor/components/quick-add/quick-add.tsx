"use client";
/**
 * Quick-add: a search box at the cursor listing the catalog, best match first. ↑/↓ move,
 * Enter adds the highlighted type where the popover was opened, Escape or a click outside
 * closes it. Opened by double-clicking the canvas, by `/` or `A`, or by dropping a new
 * connection on empty canvas: then it lists only the types that can be wired to the handle
 * the drag started from, says so in its header, and the new step is connected.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { SearchIcon } from "@/components/ui/icons";
import { findStepNode } from "../../lib/flow-types";
import { stepAppearance } from "../../lib/step-appearance";
import { useEditorStoreApi } from "../../store";
import type { AddStepOptions } from "../../store/types";
import { catalogEntries, rankCatalog } from "../palette/catalog-search";
import { StepIcon } from "../step-icon";
import { QuickAddLinkHeader } from "./quick-add-header";
import { linkChoices, linkOptions, linkTitle, type QuickAddLink } from "./quick-add-link";

const WIDTH = 320;
const MAX_HEIGHT = 380;
const MARGIN = 12;

type Props = {
  /** Where it opens, in pixels from the canvas's top-left corner. */
  at: { x: number; y: number };
  /** Size of the canvas, to keep the popover inside it. */
  bounds: { width: number; height: number };
  /** Opened by dropping a connection: the handle it was dragged from. */
  link?: QuickAddLink;
  /** A type was picked; `wiring` connects the new step to the linked handle (empty without a link). */
  onPick: (typeId: string, wiring: AddStepOptions) => void;
  onClose: () => void;
};

export function QuickAdd({ at, bounds, link, onPick, onClose }: Props) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const store = useEditorStoreApi();
  // Read once at open: the linked step does not change while the popover is up.
  const linked = useMemo(() => {
    if (!link) return null;
    const node = findStepNode(store.getState().nodes, link.stepId);
    const step = { type: node?.data.step.type ?? "", name: node?.data.step.name ?? link.stepId };
    return { title: linkTitle(link, step), choices: linkChoices(link, step.type) };
  }, [link, store]);
  const entries = useMemo(() => {
    const all = catalogEntries();
    return linked ? all.filter((entry) => linked.choices.has(entry.type_id)) : all;
  }, [linked]);
  const results = useMemo(() => rankCatalog(query, entries), [query, entries]);
  const pick = (typeId: string) => onPick(typeId, link && linked ? linkOptions(link, linked.choices, typeId) : {});
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
      const entry = results[highlighted];
      if (entry) pick(entry.type_id);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  // Feeding an input, the new step goes left of the drop: so does the popover, keeping the
  // step it connects to in view.
  const anchorX = link?.side === "target" ? at.x - WIDTH : at.x;
  const left = Math.max(MARGIN, Math.min(anchorX, bounds.width - WIDTH - MARGIN));
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
      {linked && <QuickAddLinkHeader title={linked.title} shown={entries.length} total={catalogEntries().length} />}
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
        {results.length === 0 && (
          <li className="px-3 py-6 text-center text-sm text-slate-500">
            {entries.length === 0 ? `No step type can connect to this ${link?.side === "target" ? "input" : "output"}.` : "No step type matches."}
          </li>
        )}
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
            onClick={() => pick(entry.type_id)}
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
