"use client";
import type { FormEvent, ReactNode } from "react";
import { Button } from "./button";
import { Dialog, DialogBody, DialogFooter } from "./dialog";
import { AlertTriangleIcon } from "./icons";
import { InlineAlert } from "./inline-alert";

type ConfirmDialogProps = {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: "primary" | "danger";
  /** The confirmed action is running: buttons disabled, dialog cannot be dismissed. */
  pending?: boolean;
  /** Why the action failed; the dialog stays open so the user can retry or cancel. */
  error?: string | null;
};

/** "Are you sure?" with the consequences spelled out. Enter confirms, Esc cancels. */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  children,
  confirmLabel,
  cancelLabel = "Cancel",
  tone = "primary",
  pending = false,
  error,
}: ConfirmDialogProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onConfirm();
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      role="alertdialog"
      dismissible={!pending}
      icon={
        tone === "danger" ? (
          <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-red-100 text-red-600">
            <AlertTriangleIcon className="size-[18px]" />
          </span>
        ) : undefined
      }
    >
      <form onSubmit={submit} noValidate>
        <DialogBody className="text-sm leading-relaxed text-slate-700">
          {children}
          {error ? <InlineAlert>{error}</InlineAlert> : null}
        </DialogBody>
        <DialogFooter>
          <Button onClick={onClose} disabled={pending}>
            {cancelLabel}
          </Button>
          <Button type="submit" variant={tone} loading={pending} data-autofocus>
            {confirmLabel}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
