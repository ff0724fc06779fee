"use client";
/**
 * "Run" on a segment with errors: no run starts; the errors are listed, and a click on one
 * closes the dialog, shows the step or edge on the canvas and keeps the list open under it.
 */
import type { MouseEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { AlertCircleIcon } from "@/components/ui/icons";
import type { Problem } from "@/shared/validation";
import { ProblemList } from "../problems/problem-list";
import { useSaveSession } from "../save-state/save-state-context";

type Props = { problems: readonly Problem[]; onClose: () => void };

const noImportReport = () => {};

export function RunRefusedDialog({ problems, onClose }: Props) {
  const { store } = useSaveSession();
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.length - errors.length;

  // ProblemList focuses the element itself; here a pick also gets the dialog out of the way.
  const onPick = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target instanceof Element) || !event.target.closest("button")) return;
    store.getState().set({ problemsOpen: true });
    onClose();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      size="md"
      role="alertdialog"
      title={errors.length === 1 ? "Fix 1 error before running" : `Fix ${errors.length} errors before running`}
      description="A run needs a valid segment, so none was started. Click a problem to show it on the canvas."
      icon={
        <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-red-50 ring-1 ring-red-100">
          <AlertCircleIcon className="size-5 text-red-600" />
        </span>
      }
    >
      <div className="mt-4 flex max-h-[46vh] flex-col border-t border-slate-100" onClick={onPick} data-testid="run-refused-problems">
        <ProblemList problems={errors} importReport={null} onDismissImport={noImportReport} />
      </div>
      <DialogFooter>
        {warnings > 0 ? (
          <p className="mr-auto text-[12px] text-slate-500">
            {warnings === 1 ? "1 warning" : `${warnings} warnings`} in the problems list do not stop a run.
          </p>
        ) : null}
        <Button onClick={onClose} data-autofocus>
          Close
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
