"use client";
/** Someone else wrote the draft: the user picks whose version wins. Nothing is overwritten before that. */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { AlertTriangleIcon } from "@/components/ui/icons";
import { InlineAlert } from "@/components/ui/inline-alert";
import { useResolveConflict } from "../../hooks/use-resolve-conflict";
import { useSaveSession, useSaveState } from "./save-state-context";

type Choice = "theirs" | "mine";

export function ConflictDialog() {
  const { store } = useSaveSession();
  const open = useSaveState((s) => s.conflictOpen);
  const status = useSaveState((s) => s.status);
  const { reloadTheirs, keepMine } = useResolveConflict();
  const [pending, setPending] = useState<Choice | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (choice: Choice) => {
    setPending(choice);
    setError(null);
    try {
      if (choice === "theirs") await reloadTheirs();
      else await keepMine();
      // A new conflict during "keep mine" reopens the dialog through the status.
      if (store.getState().status.kind !== "conflict") store.getState().set({ conflictOpen: false });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "The segment could not be loaded.");
    } finally {
      setPending(null);
    }
  };

  const serverSays = status.kind === "conflict" ? status.message : null;
  return (
    <Dialog
      open={open}
      onClose={() => store.getState().set({ conflictOpen: false })}
      role="alertdialog"
      size="md"
      dismissible={pending === null}
      title="This segment was changed in another tab or by someone else"
      icon={
        <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-amber-100 text-amber-600">
          <AlertTriangleIcon className="size-[18px]" />
        </span>
      }
    >
      <DialogBody className="text-sm leading-relaxed text-slate-700">
        {serverSays ? <p className="rounded-md bg-slate-50 px-3 py-2 text-slate-600 ring-1 ring-slate-200 ring-inset">{serverSays}</p> : null}
        <p>Your latest changes are not saved. Autosave is paused until you choose which version to keep:</p>
        <ul className="space-y-2">
          <li>
            <span className="font-medium text-slate-900">Reload theirs</span> — open the version saved elsewhere. Your
            changes in this tab are discarded.
          </li>
          <li>
            <span className="font-medium text-slate-900">Keep mine</span> — save this tab&apos;s version over theirs. Their
            changes are discarded.
          </li>
        </ul>
        {error ? <InlineAlert>{error}</InlineAlert> : null}
      </DialogBody>
      <DialogFooter>
        <Button onClick={() => void choose("theirs")} loading={pending === "theirs"} disabled={pending !== null}>
          Reload theirs
        </Button>
        <Button variant="primary" onClick={() => void choose("mine")} loading={pending === "mine"} disabled={pending !== null}>
          Keep mine (overwrite)
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
