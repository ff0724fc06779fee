"use client";
/** A group's label; double-click (or Enter when focused) to rename: Enter/blur keeps, Escape cancels. */
import { useRef, useState } from "react";
import { useEditorStore } from "../../store";

type Props = {
  groupId: string;
  label: string;
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
  readOnly: boolean;
};

export function GroupLabel({ groupId, label, editing, onEditingChange, readOnly }: Props) {
  const renameGroup = useEditorStore((s) => s.renameGroup);
  if (editing && !readOnly) {
    return (
      <LabelInput
        initial={label}
        onDone={(next) => {
          onEditingChange(false);
          const trimmed = next?.trim();
          if (trimmed && trimmed !== label) renameGroup(groupId, trimmed);
        }}
      />
    );
  }
  return (
    <span
      className="min-w-0 truncate rounded px-1 text-[13px] leading-6 font-semibold text-slate-700"
      title={readOnly ? label : `${label} — double-click to rename`}
      tabIndex={readOnly ? undefined : 0}
      role={readOnly ? undefined : "button"}
      aria-label={readOnly ? undefined : `Group ${label}, press Enter to rename`}
      onDoubleClick={(event) => {
        if (readOnly) return;
        event.stopPropagation();
        onEditingChange(true);
      }}
      onKeyDown={(event) => {
        if (!readOnly && event.key === "Enter") {
          event.preventDefault();
          onEditingChange(true);
        }
      }}
    >
      {label}
    </span>
  );
}

function LabelInput({ initial, onDone }: { initial: string; onDone: (value: string | null) => void }) {
  const [value, setValue] = useState(initial);
  // Escape unmounts the input, which may blur it: finish once only.
  const finished = useRef(false);
  const finish = (result: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(result);
  };
  return (
    <input
      // Focus on mount: the user just asked to rename.
      autoFocus
      aria-label="Group name"
      className="nodrag nopan h-6 min-w-0 flex-1 rounded-md border border-indigo-400 bg-white px-1.5 text-[13px] font-semibold text-slate-800 outline-none focus:ring-2 focus:ring-indigo-500/25"
      value={value}
      maxLength={80}
      onChange={(event) => setValue(event.target.value)}
      onFocus={(event) => event.target.select()}
      onBlur={() => finish(value)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === "Enter") finish(value);
        if (event.key === "Escape") finish(null);
      }}
    />
  );
}
