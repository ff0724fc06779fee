import { WorkflowIcon } from "@/components/ui/icons";

const Key = ({ children }: { children: string }) => (
  <kbd className="rounded border border-slate-200 bg-slate-50 px-1.5 font-mono text-[12px] text-slate-700">{children}</kbd>
);

/** Shown over the dotted canvas when the segment has no steps. */
export function EmptyCanvasHint({ readOnly = false }: { readOnly?: boolean }) {
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center p-6">
      <div className="max-w-sm rounded-2xl border border-dashed border-slate-300 bg-white/90 px-8 py-7 text-center shadow-sm backdrop-blur-sm">
        <div className="mx-auto mb-3 flex size-11 items-center justify-center rounded-xl bg-indigo-50 text-indigo-600 ring-1 ring-indigo-100">
          <WorkflowIcon className="size-5" />
        </div>
        <h2 className="text-[15px] font-semibold text-slate-900">No steps yet</h2>
        {readOnly ? (
          <p className="mt-1.5 text-sm leading-relaxed text-slate-600">This version of the segment has no steps.</p>
        ) : (
          <p className="mt-1.5 text-sm leading-relaxed text-slate-600">
            Drag a step from the palette, double-click the canvas, or press <Key>/</Key> to search. The first step you add
            is where runs start.
          </p>
        )}
      </div>
    </div>
  );
}
