/** Label, help and error lines shared by the form templates and the inspector's own inputs. */
import type { ReactNode } from "react";
import { AlertCircleIcon, AlertTriangleIcon } from "@/components/ui/icons";
import { cx } from "@/components/ui/cx";

export function FieldLabel({
  htmlFor,
  children,
  required,
  aside,
  id,
}: {
  htmlFor?: string;
  children: ReactNode;
  required?: boolean;
  aside?: ReactNode;
  id?: string;
}) {
  return (
    <div className="mb-1.5 flex items-baseline justify-between gap-2">
      <label id={id} htmlFor={htmlFor} className="text-[13px] font-medium text-slate-800">
        {children}
        {required && (
          <span className="ml-0.5 text-red-500" aria-hidden>
            *
          </span>
        )}
      </label>
      {aside ? <span className="shrink-0 text-[11px] text-slate-400 tabular-nums">{aside}</span> : null}
    </div>
  );
}

export function FieldHelp({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <p id={id} className="mt-1.5 text-[12px] leading-snug text-slate-500">
      {children}
    </p>
  );
}

/** Error lines under a field (warnings in amber). */
export function FieldMessages({
  errors = [],
  warnings = [],
  id,
  className,
}: {
  errors?: readonly string[];
  warnings?: readonly string[];
  id?: string;
  className?: string;
}) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <div id={id} className={cx("mt-1.5 space-y-1", className)} role={errors.length > 0 ? "alert" : undefined}>
      {errors.map((message) => (
        <p key={`e:${message}`} className="flex items-start gap-1.5 text-[12px] leading-snug font-medium text-red-600">
          <AlertCircleIcon className="mt-px size-3.5 shrink-0" />
          <span className="min-w-0 break-words">{message}</span>
        </p>
      ))}
      {warnings.map((message) => (
        <p key={`w:${message}`} className="flex items-start gap-1.5 text-[12px] leading-snug text-amber-700">
          <AlertTriangleIcon className="mt-px size-3.5 shrink-0" />
          <span className="min-w-0 break-words">{message}</span>
        </p>
      ))}
    </div>
  );
}
