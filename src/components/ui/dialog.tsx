"use client";
// A modal dialog on the native <dialog> element: the browser keeps focus
// inside, makes the page inert and draws the backdrop. We add: a labelled
// header, Esc and click-outside closing through `onClose`, focus on the first
// field (or the element marked `data-autofocus`), and focus restored on close.
import { useEffect, useId, useRef, type MouseEvent, type ReactNode, type SyntheticEvent } from "react";
import { Button } from "./button";
import { cx } from "./cx";
import { XIcon } from "./icons";

export type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  /** Shown before the title, e.g. a warning sign for destructive confirmations. */
  icon?: ReactNode;
  size?: "sm" | "md" | "lg";
  /** "alertdialog" for confirmations that interrupt the user. */
  role?: "dialog" | "alertdialog";
  /** False while something is in flight: Esc, the backdrop and × do nothing. */
  dismissible?: boolean;
  children?: ReactNode;
};

const widths = { sm: "max-w-md", md: "max-w-lg", lg: "max-w-2xl" };

const FIELD = "input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])";

/** Renders nothing while closed, so a dialog's form state starts fresh each time it opens. */
export function Dialog(props: DialogProps) {
  return props.open ? <OpenDialog {...props} /> : null;
}

function OpenDialog({ onClose, title, description, icon, size = "sm", role = "dialog", dismissible = true, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const pressedOnBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Lock page scroll; pad for the scrollbar that disappears so nothing shifts.
    const root = document.documentElement;
    const { overflow, paddingRight } = root.style;
    const scrollbar = window.innerWidth - root.clientWidth;
    root.style.overflow = "hidden";
    if (scrollbar > 0) root.style.paddingRight = `${scrollbar}px`;
    if (!dialog.open) dialog.showModal();
    const target =
      dialog.querySelector<HTMLElement>("[data-autofocus]") ??
      dialog.querySelector<HTMLElement>(FIELD) ??
      dialog.querySelector<HTMLElement>("button:not([disabled])");
    target?.focus();
    if (target instanceof HTMLInputElement && target.dataset.autoselect !== undefined) target.select();
    return () => {
      if (dialog.open) dialog.close();
      root.style.overflow = overflow;
      root.style.paddingRight = paddingRight;
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const requestClose = () => {
    if (dismissible) onClose();
  };

  // Esc: keep the element open and let the owner decide (it unmounts us).
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    requestClose();
  };
  // The browser may still close it (e.g. Esc pressed twice quickly): follow along.
  const onNativeClose = () => {
    if (ref.current && !ref.current.open) onClose();
  };
  // A click that starts and ends on the backdrop (the <dialog> box itself, outside the panel).
  const onMouseDown = (event: MouseEvent<HTMLDialogElement>) => {
    pressedOnBackdrop.current = event.target === event.currentTarget;
  };
  const onClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (pressedOnBackdrop.current && event.target === event.currentTarget) requestClose();
    pressedOnBackdrop.current = false;
  };

  return (
    <dialog
      ref={ref}
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={onCancel}
      onClose={onNativeClose}
      onMouseDown={onMouseDown}
      onClick={onClick}
      className={cx(
        "mx-auto mt-[12vh] w-[calc(100%-2rem)] overflow-visible bg-transparent p-0 text-slate-900",
        "backdrop:bg-slate-950/40 backdrop:backdrop-blur-[1px]",
        widths[size],
      )}
    >
      <div className="rounded-xl bg-white shadow-2xl ring-1 ring-slate-900/10 transition duration-150 ease-out starting:translate-y-1 starting:scale-[0.98] starting:opacity-0">
        <div className="flex items-start gap-3.5 px-6 pt-5 pb-1">
          {icon}
          <div className="min-w-0 flex-1 self-center">
            <h2 id={titleId} className="text-base leading-6 font-semibold text-slate-900">
              {title}
            </h2>
            {description ? (
              <div id={descriptionId} className="mt-1 text-sm leading-relaxed text-slate-600">
                {description}
              </div>
            ) : null}
          </div>
          <Button
            variant="ghost"
            size="sm"
            iconOnly
            aria-label="Close"
            onClick={requestClose}
            disabled={!dismissible}
            className="-mt-1 -mr-2 text-slate-400"
            icon={<XIcon />}
          />
        </div>
        {children}
      </div>
    </dialog>
  );
}

/** The dialog's content area. */
export function DialogBody({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cx("space-y-4 px-6 pt-4 pb-6", className)}>{children}</div>;
}

/** Actions, right-aligned, primary last. */
export function DialogFooter({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <div className={cx("flex items-center justify-end gap-2 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-6 py-3.5", className)}>
      {children}
    </div>
  );
}
