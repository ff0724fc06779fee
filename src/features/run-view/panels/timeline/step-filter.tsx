"use client";
/**
 * "Steps" filter of the timeline: a searchable checklist of the run's steps with their event
 * counts. Portaled with fixed positioning (like ui/menu) so a short bottom panel cannot clip
 * it; opens upwards when there is no room below.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { cx } from "@/components/ui/cx";
import { ChevronDownIcon } from "@/components/ui/icons";
import { SearchInput } from "@/components/ui/search-input";

export type StepOption = { id: string; name: string; count: number };

type Position = { left: number; top?: number; bottom?: number; maxHeight: number };

const POPOVER_HEIGHT = 340;

export function StepFilter({
  options,
  selected,
  onToggle,
  onClear,
}: {
  options: readonly StepOption[];
  selected: ReadonlySet<string>;
  onToggle: (stepId: string) => void;
  onClear: () => void;
}) {
  const [position, setPosition] = useState<Position | null>(null);
  const [query, setQuery] = useState("");
  const triggerRef = useRef<HTMLButtonElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const open = position !== null;

  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? options.filter((o) => o.name.toLowerCase().includes(q) || o.id.toLowerCase().includes(q)) : options;
  }, [options, query]);

  const openPopover = () => {
    const rect = triggerRef.current?.getBoundingClientRect();
    if (!rect) return;
    const below = window.innerHeight - rect.bottom - 8;
    const above = rect.top - 8;
    const left = Math.min(rect.left, window.innerWidth - 300);
    setPosition(
      below >= POPOVER_HEIGHT || below >= above
        ? { left, top: rect.bottom + 4, maxHeight: Math.min(POPOVER_HEIGHT, below) }
        : { left, bottom: window.innerHeight - rect.top + 4, maxHeight: Math.min(POPOVER_HEIGHT, above) },
    );
  };

  const close = (refocus: boolean) => {
    setPosition(null);
    setQuery("");
    if (refocus) triggerRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    popoverRef.current?.querySelector<HTMLInputElement>("input")?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!popoverRef.current?.contains(target) && !triggerRef.current?.contains(target)) setPosition(null);
    };
    const onResize = () => setPosition(null);
    document.addEventListener("pointerdown", onPointerDown);
    window.addEventListener("resize", onResize);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      window.removeEventListener("resize", onResize);
    };
  }, [open]);

  const label = selected.size === 0 ? "All steps" : selected.size === 1 ? "1 step" : `${selected.size} steps`;

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => (open ? close(false) : openPopover())}
        className={cx(
          "inline-flex h-7 items-center gap-1.5 rounded-md border px-2.5 text-[12px] font-medium shadow-xs transition-colors",
          selected.size > 0 ? "border-indigo-300 bg-indigo-50 text-indigo-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
        )}
      >
        {label}
        <ChevronDownIcon className="size-3.5 opacity-70" />
      </button>
      {open
        ? createPortal(
            <div
              ref={popoverRef}
              role="dialog"
              aria-label="Filter by step"
              style={{ left: position.left, top: position.top, bottom: position.bottom, maxHeight: position.maxHeight }}
              onKeyDown={(event) => {
                if (event.key === "Escape") {
                  event.preventDefault();
                  close(true);
                }
              }}
              className="fixed z-40 flex w-[288px] flex-col rounded-lg bg-white shadow-lg ring-1 ring-slate-900/10"
            >
              <div className="border-b border-slate-100 p-2">
                <SearchInput value={query} onChange={setQuery} label="Search steps" placeholder="Search steps" />
              </div>
              <ul className="min-h-0 flex-1 overflow-y-auto p-1">
                {visible.length === 0 ? <li className="px-2.5 py-3 text-center text-[13px] text-slate-500">No step matches “{query}”.</li> : null}
                {visible.map((option) => (
                  <li key={option.id}>
                    <label className="flex h-8 cursor-pointer items-center gap-2.5 rounded-md px-2 text-[13px] text-slate-700 hover:bg-slate-100">
                      <input
                        type="checkbox"
                        checked={selected.has(option.id)}
                        onChange={() => onToggle(option.id)}
                        className="size-3.5 rounded border-slate-300 accent-indigo-600"
                      />
                      <span className="min-w-0 flex-1 truncate" title={option.id}>
                        {option.name}
                      </span>
                      <span className="text-[11px] text-slate-400 tabular-nums">{option.count.toLocaleString("en")}</span>
                    </label>
                  </li>
                ))}
              </ul>
              {selected.size > 0 ? (
                <div className="border-t border-slate-100 px-3 py-2 text-right">
                  <button type="button" onClick={onClear} className="text-[12px] font-medium text-indigo-600 hover:text-indigo-800">
                    Show all steps
                  </button>
                </div>
              ) : null}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
