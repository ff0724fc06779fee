"use client";
/** Several steps selected: what they are, and what can be done to all of them at once. */
import { useShallow } from "zustand/react/shallow";
import { Button } from "@/components/ui/button";
import { XIcon, TrashIcon } from "@/components/ui/icons";
import { isStepNode } from "../../lib/flow-convert";
import { stepAppearance } from "../../lib/step-appearance";
import { useEditorStore } from "../../store";
import { StepIcon } from "../step-icon";
import { CopyIcon, FrameIcon } from "./inspector-icons";

const LISTED = 8;

export function MultiSelection() {
  // [id, type, name, …] of the selected steps: compared shallowly, so only selection changes re-render.
  const flat = useEditorStore(
    useShallow((s) => {
      const out: string[] = [];
      for (const n of s.nodes) if (n.selected && isStepNode(n)) out.push(n.id, n.data.step.type, n.data.step.name ?? "");
      return out;
    }),
  );
  const createGroup = useEditorStore((s) => s.createGroup);
  const duplicateSelection = useEditorStore((s) => s.duplicateSelection);
  const deleteSelection = useEditorStore((s) => s.deleteSelection);
  const clearSelection = useEditorStore((s) => s.clearSelection);
  const steps: { id: string; type: string; name: string }[] = [];
  for (let i = 0; i < flat.length; i += 3) steps.push({ id: flat[i]!, type: flat[i + 1]!, name: flat[i + 2]! });
  const ids = steps.map((s) => s.id);
  const byType = new Map<string, number>();
  for (const s of steps) byType.set(s.type, (byType.get(s.type) ?? 0) + 1);

  return (
    <div data-testid="multi-selection" className="px-5 pt-5 pb-4">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 className="text-[15px] leading-6 font-semibold text-slate-900">{steps.length} steps selected</h2>
          <p className="text-xs text-slate-500">
            {[...byType].map(([type, n]) => `${n} × ${stepAppearance(type).label}`).join(", ")}
          </p>
        </div>
        <button type="button" onClick={clearSelection} aria-label="Clear the selection" title="Clear the selection" className="-mt-0.5 -mr-1.5 rounded-md p-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700">
          <XIcon className="size-4" />
        </button>
      </div>
      <div className="mt-4 grid grid-cols-3 gap-2">
        <Button size="sm" icon={<FrameIcon className="size-3.5" />} onClick={() => createGroup(ids)}>
          Group
        </Button>
        <Button size="sm" icon={<CopyIcon className="size-3.5" />} onClick={() => duplicateSelection()}>
          Duplicate
        </Button>
        <Button size="sm" variant="secondary" className="text-red-600! hover:bg-red-50!" icon={<TrashIcon className="size-3.5" />} onClick={deleteSelection}>
          Delete
        </Button>
      </div>
      <ul className="mt-5 divide-y divide-slate-100 rounded-lg border border-slate-200">
        {steps.slice(0, LISTED).map((s) => (
          <li key={s.id} className="flex items-center gap-2.5 px-3 py-2">
            <StepIcon appearance={stepAppearance(s.type)} size="sm" />
            <span className="min-w-0 flex-1">
              <span className="block truncate text-[13px] font-medium text-slate-800">{s.name || s.id}</span>
              <span className="block truncate font-mono text-[11px] text-slate-500">{s.id}</span>
            </span>
          </li>
        ))}
        {steps.length > LISTED && <li className="px-3 py-2 text-[12px] text-slate-500">and {steps.length - LISTED} more</li>}
      </ul>
      <p className="mt-4 text-[12px] leading-snug text-slate-500">
        Shift-click a step to add or remove it. Copy with ⌘C / Ctrl+C and paste into any segment.
      </p>
    </div>
  );
}
