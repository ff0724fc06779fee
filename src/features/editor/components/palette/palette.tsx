"use client";
/**
 * The step palette: every catalog type by category, searchable. Drag an item onto the
 * canvas, or click it / press Enter to add it in the middle of the view. ↑/↓ move between
 * items, ↓ from the search box enters the list, Enter in the search box adds the first match.
 * Collapses to a rail of icons (remembered per browser).
 */
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { SearchInput } from "@/components/ui/search-input";
import { ChevronsLeftIcon, PanelLeftIcon } from "../canvas-toolbar/canvas-icons";
import { searchCatalog } from "./catalog-search";
import { PaletteItem, PaletteRailItem } from "./palette-item";
import { usePaletteCollapsed } from "./use-palette-collapsed";

type Props = { onAdd: (typeId: string) => void };

const ITEM_SELECTOR = "[data-palette-item]";

function moveFocus(container: HTMLElement | null, from: Element | null, delta: number): void {
  const items = Array.from(container?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? []);
  if (items.length === 0) return;
  const index = from ? items.indexOf(from as HTMLElement) : -1;
  const next = index === -1 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, index + delta));
  items[next]?.focus();
}

export function Palette({ onAdd }: Props) {
  const [collapsed, setCollapsed] = usePaletteCollapsed();
  const [query, setQuery] = useState("");
  const sections = useMemo(() => searchCatalog(query), [query]);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  if (collapsed) {
    return (
      <aside
        className="flex w-12 shrink-0 flex-col items-center gap-1 border-r border-slate-200 bg-white py-2"
        aria-label="Step palette"
        data-testid="palette"
      >
        <button
          type="button"
          className="mb-1 flex size-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900"
          aria-label="Show the step palette"
          title="Show the step palette"
          onClick={() => setCollapsed(false)}
        >
          <PanelLeftIcon />
        </button>
        {sections.flatMap((section) => section.entries).map((entry) => (
          <PaletteRailItem key={entry.type_id} entry={entry} onAdd={onAdd} />
        ))}
      </aside>
    );
  }

  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      moveFocus(listRef.current, document.activeElement, event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      moveFocus(listRef.current, null, event.key === "Home" ? 1 : -1);
    } else if (event.key === "Escape") {
      searchRef.current?.focus();
    }
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      moveFocus(listRef.current, null, 1);
    } else if (event.key === "Enter") {
      const first = sections[0]?.entries[0];
      if (first) {
        event.preventDefault();
        onAdd(first.type_id);
      }
    }
  };

  return (
    <aside
      className="flex w-[248px] shrink-0 flex-col border-r border-slate-200 bg-white"
      aria-label="Step palette"
      data-testid="palette"
    >
      <div className="flex items-center justify-between px-4 pt-3.5 pb-2">
        <h2 className="text-[13px] font-semibold text-slate-900">Steps</h2>
        <button
          type="button"
          className="-mr-1.5 flex size-7 items-center justify-center rounded-md text-slate-400 hover:bg-slate-100 hover:text-slate-700"
          aria-label="Hide the step palette"
          title="Hide the step palette"
          onClick={() => setCollapsed(true)}
        >
          <ChevronsLeftIcon />
        </button>
      </div>
      <div className="px-3 pb-2" onKeyDown={onSearchKeyDown}>
        <SearchInput ref={searchRef} value={query} onChange={setQuery} label="Search step types" placeholder="Search steps" />
      </div>
      <div ref={listRef} className="min-h-0 flex-1 overflow-y-auto px-2 pb-3" onKeyDown={onListKeyDown}>
        {sections.length === 0 ? (
          <p className="px-2 py-6 text-center text-sm text-slate-500">No step type matches “{query}”.</p>
        ) : (
          sections.map((section) => (
            <section key={section.category} aria-label={section.title} className="mt-2 first:mt-1">
              <h3 className="px-2 pt-1 pb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
                {section.title}
              </h3>
              <ul className="space-y-0.5">
                {section.entries.map((entry) => (
                  <li key={entry.type_id}>
                    <PaletteItem entry={entry} onAdd={onAdd} />
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
      <p className="border-t border-slate-100 px-4 py-2.5 text-xs leading-relaxed text-slate-500">
        Drag onto the canvas, or press{" "}
        <kbd className="rounded border border-slate-200 bg-slate-50 px-1 font-mono text-[11px] text-slate-600">/</kbd>{" "}
        on the canvas to search.
      </p>
    </aside>
  );
}
