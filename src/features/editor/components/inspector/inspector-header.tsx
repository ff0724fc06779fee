"use client";
import type { ReactNode } from "react";
import { XIcon } from "@/components/ui/icons";
import { useEditorStore } from "../../store";

/** Title block of a selection, with a button that clears the selection. */
export function InspectorHeader({ icon, title, subtitle }: { icon: ReactNode; title: ReactNode; subtitle: ReactNode }) {
  const clearSelection = useEditorStore((s) => s.clearSelection);
  return (
    <div className="flex items-start gap-3 px-5 pt-5 pb-4">
      {icon}
      <div className="min-w-0 flex-1">
        <h2 className="truncate text-[15px] leading-6 font-semibold text-slate-900">{title}</h2>
        <div className="text-xs text-slate-500">{subtitle}</div>
      </div>
      <button
        type="button"
        onClick={clearSelection}
        aria-label="Close"
        title="Close (show the segment)"
        className="-mt-0.5 -mr-1.5 rounded-md p-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
      >
        <XIcon className="size-4" />
      </button>
    </div>
  );
}
