"use client";
/** One step type in the palette: draggable onto the canvas, or click / Enter to add it. */
import type { DragEvent } from "react";
import { stepAppearance } from "../../lib/step-appearance";
import { StepIcon } from "../step-icon";
import { STEP_TYPE_MIME, type CatalogEntry } from "./catalog-search";

type Props = { entry: CatalogEntry; onAdd: (typeId: string) => void };

function startDrag(event: DragEvent<HTMLElement>, entry: CatalogEntry): void {
  event.dataTransfer.setData(STEP_TYPE_MIME, entry.type_id);
  event.dataTransfer.setData("text/plain", entry.display_name);
  event.dataTransfer.effectAllowed = "copy";
}

export function PaletteItem({ entry, onAdd }: Props) {
  const look = stepAppearance(entry.type_id);
  return (
    <button
      type="button"
      draggable
      data-palette-item={entry.type_id}
      data-testid={`palette-item-${entry.type_id}`}
      onDragStart={(event) => startDrag(event, entry)}
      onClick={() => onAdd(entry.type_id)}
      title={`${entry.description}\nDrag onto the canvas, or click to add.`}
      className="group flex w-full cursor-grab items-start gap-2.5 rounded-lg px-2 py-2 text-left outline-none hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500/40 active:cursor-grabbing"
    >
      <StepIcon appearance={look} size="sm" />
      <span className="min-w-0 flex-1">
        <span className="block truncate text-[13px] leading-5 font-medium text-slate-800">{entry.display_name}</span>
        <span className="line-clamp-2 text-xs leading-4 text-slate-500">{entry.description}</span>
      </span>
      <span
        aria-hidden
        className="mt-1 flex size-5 shrink-0 items-center justify-center rounded text-slate-400 opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100"
      >
        <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.5}>
          <path d="M12 5v14M5 12h14" strokeLinecap="round" />
        </svg>
      </span>
    </button>
  );
}

/** The collapsed palette: the type's icon only (name and description in the tooltip). */
export function PaletteRailItem({ entry, onAdd }: Props) {
  const look = stepAppearance(entry.type_id);
  return (
    <button
      type="button"
      draggable
      data-palette-item={entry.type_id}
      onDragStart={(event) => startDrag(event, entry)}
      onClick={() => onAdd(entry.type_id)}
      aria-label={`Add ${entry.display_name}`}
      title={`${entry.display_name}: ${entry.description}`}
      className="flex size-9 cursor-grab items-center justify-center rounded-lg outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500/40"
    >
      <StepIcon appearance={look} size="sm" />
    </button>
  );
}
