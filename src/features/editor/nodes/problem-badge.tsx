"use client";
/**
 * The validator's verdict on one step or edge: a red (errors) or amber (warnings only) pill
 * with the count; hovering shows every message. The messages are also the accessible name.
 */
import type { Problem } from "@/shared/validation";

const MAX_LISTED = 6;

export function problemTone(problems: readonly Problem[]): "error" | "warning" {
  return problems.some((p) => p.severity === "error") ? "error" : "warning";
}

function summary(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const parts = [errors ? `${errors} error${errors > 1 ? "s" : ""}` : "", warnings ? `${warnings} warning${warnings > 1 ? "s" : ""}` : ""];
  return parts.filter(Boolean).join(", ");
}

type Props = {
  problems: readonly Problem[];
  /** Position classes (the badge is absolutely placed unless `inline`). */
  className?: string;
  /** In a flex row (edge labels) instead of pinned to a corner. */
  inline?: boolean;
  testId?: string;
};

export function ProblemBadge({ problems, className = "", inline = false, testId }: Props) {
  if (problems.length === 0) return null;
  const tone = problemTone(problems);
  const label = `${summary(problems)}: ${problems.map((p) => p.message).join(" · ")}`;
  return (
    <span
      className={`group/problem pointer-events-auto ${inline ? "relative" : "absolute z-10"} ${className}`}
      data-testid={testId}
      data-tone={tone}
    >
      <span
        role="img"
        aria-label={label}
        className={`flex h-5 min-w-5 items-center justify-center gap-0.5 rounded-full px-1.5 text-[11px] leading-none font-semibold text-white shadow-sm ring-2 ring-white ${
          tone === "error" ? "bg-red-600" : "bg-amber-500"
        }`}
      >
        <svg width="10" height="10" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={3} aria-hidden>
          <path d="M12 7v6M12 17h.01" strokeLinecap="round" />
        </svg>
        {problems.length}
      </span>
      <span className="invisible absolute top-full right-0 z-20 mt-1.5 w-72 rounded-lg bg-white p-2.5 text-left opacity-0 shadow-lg ring-1 ring-slate-900/10 transition-opacity duration-100 group-hover/problem:visible group-hover/problem:opacity-100">
        <span className="mb-1.5 block text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{summary(problems)}</span>
        {problems.slice(0, MAX_LISTED).map((problem, i) => (
          <span key={`${problem.code}-${i}`} className="flex gap-2 py-0.5 text-xs leading-snug text-slate-700">
            <span
              aria-hidden
              className={`mt-[5px] size-1.5 shrink-0 rounded-full ${problem.severity === "error" ? "bg-red-500" : "bg-amber-500"}`}
            />
            <span className="min-w-0 break-words">{problem.message}</span>
          </span>
        ))}
        {problems.length > MAX_LISTED && (
          <span className="block pt-1 text-xs text-slate-500">and {problems.length - MAX_LISTED} more in the problems list</span>
        )}
      </span>
    </span>
  );
}
