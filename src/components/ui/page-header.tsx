import type { ReactNode } from "react";
import { cx } from "./cx";

type PageHeaderProps = {
  title: ReactNode;
  /** A number shown beside the title (e.g. how many items the page lists). */
  count?: number | undefined;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
};

/** The title row of a page: title (+ count), a line of explanation, actions on the right. */
export function PageHeader({ title, count, description, actions, className }: PageHeaderProps) {
  return (
    <div className={cx("flex flex-wrap items-center justify-between gap-4", className)}>
      <div className="min-w-0">
        <h1 className="flex items-center gap-2.5 text-2xl font-semibold tracking-tight text-slate-900">
          {title}
          {count !== undefined ? (
            <span className="rounded-full bg-slate-200/70 px-2 py-0.5 text-xs font-medium text-slate-600 tabular-nums">{count}</span>
          ) : null}
        </h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
    </div>
  );
}
