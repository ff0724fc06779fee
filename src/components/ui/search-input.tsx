"use client";
import type { Ref } from "react";
import { Button } from "./button";
import { cx } from "./cx";
import { SearchIcon, XIcon } from "./icons";

type SearchInputProps = {
  value: string;
  onChange: (value: string) => void;
  /** Accessible name, e.g. "Search segments". */
  label: string;
  placeholder?: string;
  /** A key shown inside the empty box as a hint (e.g. "/"); the caller binds it. */
  shortcut?: string;
  className?: string;
  ref?: Ref<HTMLInputElement>;
};

/** A search box with a magnifier and a clear button; Esc clears it. */
export function SearchInput({ value, onChange, label, placeholder, shortcut, className, ref }: SearchInputProps) {
  return (
    <div className={cx("relative", className)}>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
      <input
        ref={ref}
        type="search"
        aria-label={label}
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && value) {
            event.preventDefault();
            onChange("");
          }
        }}
        className={
          "block h-9 w-full rounded-md border border-slate-300 bg-white pr-9 pl-9 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 " +
          "transition-colors hover:border-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-3 focus:ring-indigo-500/20 " +
          "[&::-webkit-search-cancel-button]:hidden"
        }
      />
      {value ? (
        <Button
          variant="ghost"
          size="sm"
          iconOnly
          aria-label="Clear search"
          onClick={() => onChange("")}
          className="absolute top-1/2 right-1 size-7 -translate-y-1/2 text-slate-400"
          icon={<XIcon className="size-3.5" />}
        />
      ) : shortcut ? (
        <kbd
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-2 hidden -translate-y-1/2 rounded border border-slate-200 bg-slate-50 px-1.5 font-mono text-[11px] leading-5 text-slate-500 sm:block"
        >
          {shortcut}
        </kbd>
      ) : null}
    </div>
  );
}
