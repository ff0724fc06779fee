import type { ReactNode } from "react";
import { cx } from "./cx";
import { AlertCircleIcon } from "./icons";

/** An error message inside a form or dialog (not tied to one field). */
export function InlineAlert({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div role="alert" className={cx("flex items-start gap-2.5 rounded-md bg-red-50 px-3 py-2.5 text-sm text-red-800 ring-1 ring-red-200 ring-inset", className)}>
      <AlertCircleIcon className="mt-0.5 size-4 shrink-0 text-red-500" />
      <div className="min-w-0 flex-1 leading-relaxed">{children}</div>
    </div>
  );
}
