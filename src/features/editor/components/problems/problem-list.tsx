"use client";
/** The expanded problems list: a click focuses the step or edge on the canvas. */
import { useShallow } from "zustand/react/shallow";
import { cx } from "@/components/ui/cx";
import { AlertCircleIcon, AlertTriangleIcon, XIcon } from "@/components/ui/icons";
import type { Problem } from "@/shared/validation";
import { useEditorStoreApi, useEditorStore } from "../../store";
import type { ImportReport } from "../save-state/save-state-store";
import { InfoIcon } from "../save-state/session-icons";
import { problemPlace, problemTarget } from "./problem-target";

type Props = { problems: Problem[]; importReport: ImportReport | null; onDismissImport: () => void };

export function ProblemList({ problems, importReport, onDismissImport }: Props) {
  const editor = useEditorStoreApi();
  // Only the names of the steps the problems mention: dragging a node must not re-render the list.
  const places = useEditorStore(
    useShallow((s) => {
      const names = new Map<string, string>();
      for (const node of s.nodes) {
        if (node.type === "step") names.set(node.id, node.data.step.name ?? node.id);
      }
      return problems.map((p) => problemPlace(p, (id) => names.get(id)));
    }),
  );

  const focus = (problem: Problem) => {
    const state = editor.getState();
    const target = problemTarget(problem, state.edges);
    // Segment-level problems live in the segment settings, shown when nothing is selected.
    if (target.kind === "segment") state.clearSelection();
    else state.requestFocus(target);
  };

  return (
    <div className="min-h-0 overflow-y-auto overscroll-contain">
      {importReport ? <ImportNotes report={importReport} onDismiss={onDismissImport} /> : null}
      {problems.length === 0 ? (
        <p className="px-4 py-5 text-center text-[13px] text-slate-500">
          The segment is valid: nothing would stop it from being saved or run.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 py-0.5" aria-label="Problems">
          {problems.map((problem, index) => (
            <li key={`${problem.code}:${problem.path ?? ""}:${index}`}>
              <button
                type="button"
                onClick={() => focus(problem)}
                className="group flex w-full items-start gap-2.5 px-3.5 py-2 text-left outline-none hover:bg-slate-50 focus-visible:bg-indigo-50"
              >
                <SeverityIcon severity={problem.severity} />
                <span className="min-w-0 flex-1 text-[13px] leading-5 text-slate-800">{problem.message}</span>
                <span
                  className="mt-px max-w-[38%] shrink-0 truncate rounded bg-slate-100 px-1.5 py-px font-mono text-[11px] leading-4 text-slate-600 group-hover:bg-white group-hover:ring-1 group-hover:ring-slate-200"
                  title={places[index]}
                >
                  {places[index]}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SeverityIcon({ severity, className }: { severity: Problem["severity"]; className?: string }) {
  return severity === "error" ? (
    <AlertCircleIcon className={cx("mt-0.5 size-4 shrink-0 text-red-500", className)} aria-label="Error" />
  ) : (
    <AlertTriangleIcon className={cx("mt-0.5 size-4 shrink-0 text-amber-500", className)} aria-label="Warning" />
  );
}

/** What loading an imported file changed: not in the document any more, so not in the list above. */
function ImportNotes({ report, onDismiss }: { report: ImportReport; onDismiss: () => void }) {
  return (
    <section className="border-b border-indigo-100 bg-indigo-50/60 px-3.5 py-2.5" aria-label="Import notes">
      <div className="flex items-start gap-2.5">
        <InfoIcon className="mt-0.5 size-4 shrink-0 text-indigo-500" />
        <div className="min-w-0 flex-1 text-[13px] leading-5 text-slate-700">
          <p className="font-medium text-slate-900">Imported {report.fileName}</p>
          {report.notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
          {report.problems.length > 0 ? (
            <>
              <p className="mt-1 text-slate-600">Left out while loading:</p>
              <ul className="mt-0.5 space-y-0.5">
                {report.problems.map((problem, index) => (
                  <li key={`${problem.code}:${index}`} className="flex items-start gap-1.5">
                    <SeverityIcon severity={problem.severity} className="size-3.5" />
                    <span className="min-w-0">
                      {problem.message}
                      {problem.path ? <span className="ml-1 font-mono text-[11px] text-slate-500">{problem.path}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <button
          type="button"
          onClick={onDismiss}
          aria-label="Dismiss import notes"
          className="-mt-0.5 -mr-1 rounded p-1 text-slate-400 hover:bg-white hover:text-slate-600"
        >
          <XIcon className="size-3.5" />
        </button>
      </div>
    </section>
  );
}
