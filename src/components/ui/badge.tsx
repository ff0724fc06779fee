import type { ReactNode } from "react";
import { cx } from "./cx";

export type BadgeTone = "gray" | "slate" | "blue" | "amber" | "green" | "red" | "indigo";

const tones: Record<BadgeTone, { badge: string; dot: string }> = {
  gray: { badge: "bg-gray-100 text-gray-700 ring-gray-500/15", dot: "bg-gray-400" },
  slate: { badge: "bg-slate-100 text-slate-700 ring-slate-600/20", dot: "bg-slate-500" },
  blue: { badge: "bg-blue-50 text-blue-700 ring-blue-600/20", dot: "bg-blue-500" },
  amber: { badge: "bg-amber-50 text-amber-800 ring-amber-600/25", dot: "bg-amber-500" },
  green: { badge: "bg-emerald-50 text-emerald-700 ring-emerald-600/20", dot: "bg-emerald-500" },
  red: { badge: "bg-red-50 text-red-700 ring-red-600/20", dot: "bg-red-500" },
  indigo: { badge: "bg-indigo-50 text-indigo-700 ring-indigo-600/20", dot: "bg-indigo-500" },
};

type BadgeProps = {
  tone?: BadgeTone;
  /** A colored dot before the text; "pulse" animates it (something is in progress). */
  dot?: boolean | "pulse";
  icon?: ReactNode;
  className?: string;
  title?: string;
  children: ReactNode;
};

export function Badge({ tone = "gray", dot = false, icon, className, title, children }: BadgeProps) {
  const t = tones[tone];
  return (
    <span
      title={title}
      className={cx(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        t.badge,
        className,
      )}
    >
      {dot ? (
        <span className="relative flex size-1.5" aria-hidden="true">
          {dot === "pulse" ? <span className={cx("absolute inline-flex size-full animate-ping rounded-full opacity-75", t.dot)} /> : null}
          <span className={cx("relative inline-flex size-1.5 rounded-full", t.dot)} />
        </span>
      ) : null}
      {icon}
      {children}
    </span>
  );
}
