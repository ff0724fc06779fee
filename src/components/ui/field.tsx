import type { LabelHTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";

export function Label({ className, children, ...rest }: LabelHTMLAttributes<HTMLLabelElement>) {
  return (
    <label className={cx("block text-sm font-medium text-slate-800", className)} {...rest}>
      {children}
    </label>
  );
}

/** Props a Field hands to its control so the label, hint and error are wired up. */
export type FieldControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

type FieldProps = {
  id: string;
  label: ReactNode;
  /** Shown after the label in muted text, e.g. "optional". */
  labelAside?: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/** Label + control + hint + error message, accessible by construction. */
export function Field({ id, label, labelAside, hint, error, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("space-y-1.5", className)}>
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        {labelAside ? <span className="text-xs text-slate-500">{labelAside}</span> : null}
      </div>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-[13px] font-medium text-red-600">
          {error}
        </p>
      ) : null}
      {hint ? (
        <div id={hintId} className="text-[13px] text-slate-500">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
