import { cx } from "./cx";

/** A gray placeholder block shown while content loads. Size it with classes. */
export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden="true" className={cx("block animate-pulse rounded bg-slate-200/80", className)} />;
}
