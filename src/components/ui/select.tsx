import type { Ref, SelectHTMLAttributes } from "react";
import { cx } from "./cx";
import { ChevronDownIcon } from "./icons";

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> };

/** A native select styled like Input (native keeps keyboard and screen reader behavior for free). */
export function Select({ className, children, ...rest }: SelectProps) {
  return (
    <div className={cx("relative", className)}>
      <select
        className={
          "block h-9 w-full appearance-none rounded-md border border-slate-300 bg-white pr-9 pl-3 text-sm text-slate-900 shadow-xs " +
          "transition-colors hover:border-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-3 focus:ring-indigo-500/20"
        }
        {...rest}
      >
        {children}
      </select>
      <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-slate-500" />
    </div>
  );
}
