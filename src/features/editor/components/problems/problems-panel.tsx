"use client";
/**
 * The problems bar at the bottom of the canvas: "✓ No problems" or "3 errors · 1 warning",
 * expanding into the list. Positions itself: render it inside the canvas's relative box.
 */
import { cx } from "@/components/ui/cx";
import { AlertCircleIcon, AlertTriangleIcon, CheckCircleIcon, ChevronDownIcon } from "@/components/ui/icons";
import { useEditorStore } from "../../store";
import { useOptionalSaveSession, useProblemsPanelOpen } from "../save-state/save-state-context";
import { useStoreOrNull } from "../save-state/use-store-or-null";
import { ProblemList } from "./problem-list";
import { problemCounts } from "./problem-target";

export function ProblemsPanel() {
  const problems = useEditorStore((s) => s.problems);
  const [open, setOpen] = useProblemsPanelOpen();
  const session = useOptionalSaveSession();
  const importReport = useStoreOrNull(session?.store, (s) => s.importReport);
  const { errors, warnings, summary } = problemCounts(problems);
  const hasImportNotes = importReport !== null;
  // A segment with no steps yet is not "2 errors": the empty canvas says how to start.
  const empty = useEditorStore((s) => s.nodes.length === 0);
  if (empty && !hasImportNotes) return null;

  return (
    <div
      className="pointer-events-none absolute inset-x-3 bottom-3 z-20 flex justify-center"
      data-testid="problems-panel"
      data-open={open || undefined}
    >
      <div
        className={cx(
          "pointer-events-auto flex max-h-[42vh] min-w-0 flex-col overflow-hidden rounded-xl bg-white/95 shadow-lg ring-1 ring-slate-900/10 backdrop-blur",
          open ? "w-[560px] max-w-full" : "max-w-full",
        )}
      >
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          className={cx(
            "flex h-9 shrink-0 items-center gap-2.5 px-3.5 text-[13px] font-medium text-slate-700 outline-none hover:bg-slate-50 focus-visible:bg-slate-50",
            open && "border-b border-slate-100",
          )}
        >
          {summary === null ? (
            <span className="flex items-center gap-1.5 text-slate-600">
              <CheckCircleIcon className="size-4 text-emerald-500" />
              No problems
            </span>
          ) : (
            <span className="flex items-center gap-3">
              {errors > 0 ? (
                <span className="flex items-center gap-1.5 text-red-700">
                  <AlertCircleIcon className="size-4 text-red-500" />
                  {errors} {errors === 1 ? "error" : "errors"}
                </span>
              ) : null}
              {warnings > 0 ? (
                <span className="flex items-center gap-1.5 text-amber-800">
                  <AlertTriangleIcon className="size-4 text-amber-500" />
                  {warnings} {warnings === 1 ? "warning" : "warnings"}
                </span>
              ) : null}
            </span>
          )}
          {hasImportNotes ? <span className="rounded-full bg-indigo-50 px-1.5 text-[11px] text-indigo-700 ring-1 ring-indigo-200 ring-inset">import</span> : null}
          <span className="sr-only">{open ? "Hide problems" : "Show problems"}</span>
          <ChevronDownIcon className={cx("ml-auto size-4 text-slate-400 transition-transform", !open && "rotate-180")} />
        </button>
        {open ? <ProblemList problems={problems} importReport={importReport} onDismissImport={() => session?.store.getState().set({ importReport: null })} /> : null}
      </div>
    </div>
  );
}
