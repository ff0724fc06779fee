"use client";
/** The segment's name in the top bar; click to rename in place (an undoable edit that autosaves). */
import { useRef, useState, type KeyboardEvent } from "react";
import { NAME_MAX_LENGTH } from "@/shared/segment";
import { useEditorStore } from "../../store";

export function SegmentTitle() {
  const name = useEditorStore((s) => s.base.name);
  const updateBase = useEditorStore((s) => s.updateBase);
  const [editing, setEditing] = useState(false);
  // Enter commits and unmounts the input, which may also blur it: commit once.
  const finished = useRef(false);

  if (!editing) {
    return (
      <h1 className="min-w-0">
        <button
          type="button"
          data-testid="segment-title"
          onClick={() => {
            finished.current = false;
            setEditing(true);
          }}
          title="Click to rename"
          className="block max-w-full min-w-0 truncate rounded-md px-1.5 py-0.5 text-left text-[15px] font-semibold text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {name || "Untitled segment"}
        </button>
      </h1>
    );
  }

  const commit = (value: string) => {
    if (finished.current) return;
    finished.current = true;
    setEditing(false);
    const next = value.trim();
    if (next !== "" && next !== name) updateBase({ name: next });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") commit(event.currentTarget.value);
    if (event.key === "Escape") {
      // Esc only cancels the rename: nothing else (the canvas) should react to it.
      event.stopPropagation();
      finished.current = true;
      setEditing(false);
    }
  };
  return (
    <input
      aria-label="Segment name"
      defaultValue={name}
      maxLength={NAME_MAX_LENGTH}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onBlur={(event) => commit(event.currentTarget.value)}
      onKeyDown={onKeyDown}
      className="h-8 w-72 min-w-0 rounded-md border border-indigo-500 bg-white px-1.5 text-[15px] font-semibold text-slate-900 ring-3 ring-indigo-500/20 outline-none"
    />
  );
}
