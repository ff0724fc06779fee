"use client";
import type { ReactNode } from "react";
import { XIcon } from "@/components/ui/icons";
import { useEditorStore } from "../../store";
import { SlidersIcon } from "./inspector-icons";

/** Title block of a selection: segment settings and close (clear the selection) on the right. */
export function InspectorHeader({
  icon,
  title,
  subtitle,
  onSegmentSettings,
  children,
}: {
  icon: ReactNode;
  title: ReactNode;
  subtitle: ReactNode;
  onSegmentSettings?: () => void;
  children?: ReactNode;
}) {
  const clearSelection = useEditorStore((s) => s.clearSelection);
  return (
    <div className="px-5 pt-5 pb-4">
      <div className="flex items-start gap-3">
        {icon}
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-[15px] leading-6 font-semibold text-slate-900">{title}</h2>
          <div className="text-xs text-slate-500">{subtitle}</div>
        </div>
        <div className="-mt-0.5 -mr-1.5 flex shrink-0 items-center">
          {onSegmentSettings && (
            <HeaderButton label="Segment settings" onClick={onSegmentSettings}>
              <SlidersIcon className="size-4" />
            </HeaderButton>
          )}
          <HeaderButton label="Close (show the segment)" onClick={clearSelection}>
            <XIcon className="size-4" />
          </HeaderButton>
        </div>
      </div>
      {children}
    </div>
  );
}

function HeaderButton({ label, onClick, children }: { label: string; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      title={label}
      className="rounded-md p-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
    >
      {children}
    </button>
  );
}
