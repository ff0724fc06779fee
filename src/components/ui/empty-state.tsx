import type { ReactNode } from "react";
import { cx } from "./cx";

type EmptyStateProps = {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links. */
  actions?: ReactNode;
  tone?: "neutral" | "danger";
  className?: string;
};

/** The centered message shown in place of a list that has nothing (or failed) to show. */
export function EmptyState({ icon, title, description, actions, tone = "neutral", className }: EmptyStateProps) {
  return (
    <div className={cx("flex flex-col items-center px-6 py-14 text-center", className)}>
      {icon ? (
        <div
          className={cx(
            "mb-4 flex size-12 items-center justify-center rounded-xl ring-1",
            tone === "danger" ? "bg-red-50 text-red-600 ring-red-100" : "bg-indigo-50 text-indigo-600 ring-indigo-100",
          )}
        >
          {icon}
        </div>
      ) : null}
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {description ? <div className="mt-1.5 max-w-md text-sm leading-relaxed text-slate-600">{description}</div> : null}
      {actions ? <div className="mt-5 flex flex-wrap items-center justify-center gap-2">{actions}</div> : null}
    </div>
  );
}
