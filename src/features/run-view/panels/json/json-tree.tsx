"use client";
/**
 * The lazy JSON tree: a container renders its children only while open, and only a page of
 * them (PAGE_SIZE, "show more" for the next); a long string shows its head until asked. So
 * the DOM holds what the reader opened, whatever the size of the value.
 */
import { memo, useMemo, useState, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { ChevronDownIcon } from "@/components/ui/icons";
import { CopyButton } from "./copy-button";
import {
  describeSize,
  formatPath,
  hasChildren,
  initiallyExpanded,
  kindOf,
  nextLimit,
  nextStringLimit,
  PAGE_SIZE,
  pageRanges,
  previewOf,
  safeStringify,
  sliceChildren,
  STRING_PREVIEW,
  truncateString,
  type PathSegment,
} from "./json-model";

/** Under this many hidden children "show all" is offered too. */
const SHOW_ALL_MAX = 1_000;

const VALUE_CLASS = {
  string: "text-emerald-700",
  number: "text-blue-700",
  boolean: "text-violet-700",
  null: "text-slate-400 italic",
  other: "text-slate-500 italic",
} as const;

type Container = Record<string, unknown> | unknown[];

/**
 * The children of the root value (the root itself has no row: the toolbar copies it).
 * Memoized: the viewer re-renders with its parent (a live run view does, often); the tree
 * only when the value changes.
 */
export const JsonTree = memo(function JsonTree({ value, rootName }: { value: unknown; rootName: string }) {
  if (!hasChildren(value)) {
    return (
      <div className="font-mono text-[12px] leading-5">
        <ScalarValue value={value} />
      </div>
    );
  }
  return (
    <ul role="tree" aria-label="JSON value" className="font-mono text-[12px] leading-5">
      <Children value={value} path={EMPTY_PATH} depth={1} rootName={rootName} />
    </ul>
  );
});

const EMPTY_PATH: readonly PathSegment[] = [];

function Children({ value, path, depth, rootName }: { value: Container; path: readonly PathSegment[]; depth: number; rootName: string }) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  // Object keys once per value: paging a 50,000-key object must not rebuild the list.
  const keys = useMemo(() => (Array.isArray(value) ? undefined : Object.keys(value)), [value]);
  const total = keys ? keys.length : (value as unknown[]).length;
  const shown = Math.min(limit, total);
  const hidden = total - shown;
  return (
    <>
      {pageRanges(shown).map(([start, end]) => (
        <ChildPage key={start} value={value} keys={keys} start={start} end={end} path={path} depth={depth} siblings={total} rootName={rootName} />
      ))}
      {hidden > 0 ? (
        <li className="flex items-center gap-3 py-0.5 pl-[18px] font-sans text-[12px]">
          <button type="button" className="font-medium text-indigo-600 hover:text-indigo-800" onClick={() => setLimit(nextLimit(limit, total))}>
            Show {Math.min(PAGE_SIZE, hidden).toLocaleString("en")} more
          </button>
          {hidden <= SHOW_ALL_MAX && hidden > PAGE_SIZE ? (
            <button type="button" className="font-medium text-indigo-600 hover:text-indigo-800" onClick={() => setLimit(total)}>
              Show all
            </button>
          ) : null}
          <span className="text-slate-400">
            {shown.toLocaleString("en")} of {total.toLocaleString("en")} shown
          </span>
        </li>
      ) : null}
    </>
  );
}

type PageProps = {
  value: Container;
  keys: readonly string[] | undefined;
  start: number;
  end: number;
  path: readonly PathSegment[];
  depth: number;
  siblings: number;
  rootName: string;
};

// Memoized: "show more" adds a page; the pages already shown are not rendered again.
const ChildPage = memo(function ChildPage({ value, keys, start, end, path, depth, siblings, rootName }: PageProps) {
  return sliceChildren(value, start, end, keys).map((entry) => (
    <JsonNode key={entry.key} name={entry.key} value={entry.value} path={path} depth={depth} siblings={siblings} rootName={rootName} />
  ));
});

type NodeProps = {
  name: PathSegment;
  value: unknown;
  /** Path of the parent. */
  path: readonly PathSegment[];
  depth: number;
  siblings: number;
  rootName: string;
};

// Memoized: "show more" on a parent re-renders the parent, not the 100 rows already shown.
const JsonNode = memo(function JsonNode({ name, value, path, depth, siblings, rootName }: NodeProps) {
  const container = hasChildren(value);
  const [open, setOpen] = useState(() => container && initiallyExpanded(depth, value, siblings));
  const ownPath = useMemo(() => [...path, name], [path, name]);

  const getPath = () => formatPath(rootName, ownPath);
  const getValue = () => copyValueText(value);
  const key = <Key name={name} />;

  if (!container) {
    return (
      <li role="treeitem" aria-level={depth} aria-selected={false}>
        <ActionRow className="rounded pr-1 pl-[18px] hover:bg-slate-50" getPath={getPath} getValue={getValue}>
          {key}
          <ScalarValue value={value} />
        </ActionRow>
      </li>
    );
  }

  return (
    <li role="treeitem" aria-level={depth} aria-expanded={open} aria-selected={false}>
      <ActionRow className="rounded hover:bg-slate-50" getPath={getPath} getValue={getValue}>
        <button
          type="button"
          onClick={() => setOpen(!open)}
          className="flex w-full min-w-0 items-start gap-1 rounded pr-1 text-left focus-visible:outline-2 focus-visible:outline-indigo-500"
        >
          <ChevronDownIcon className={cx("mt-[3px] size-3.5 shrink-0 text-slate-400 transition-transform", !open && "-rotate-90")} />
          <span className="min-w-0 truncate">
            {key}
            <span className="mr-2 rounded bg-slate-100 px-1 py-px font-sans text-[11px] text-slate-500">{describeSize(value)}</span>
            {open ? null : <span className="text-slate-500">{previewOf(value)}</span>}
          </span>
        </button>
      </ActionRow>
      {open ? (
        <ul role="group" className="ml-[6px] border-l border-slate-200 pl-2">
          <Children value={value as Container} path={ownPath} depth={depth + 1} rootName={rootName} />
        </ul>
      ) : null}
    </li>
  );
});

/**
 * A row with "copy path" and "copy value" while hovered or focused. The buttons exist only
 * then: a page of 100 rows would otherwise carry 200 idle buttons.
 */
function ActionRow({ className, getPath, getValue, children }: { className: string; getPath: () => string; getValue: () => string; children: ReactNode }) {
  const [active, setActive] = useState(false);
  return (
    <div
      className={cx("relative", className)}
      onMouseEnter={() => setActive(true)}
      onMouseLeave={() => setActive(false)}
      onFocus={() => setActive(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setActive(false);
      }}
    >
      {children}
      {active ? (
        <span className="absolute top-0 right-0 flex items-center gap-2 rounded bg-white/95 px-1.5 shadow-xs ring-1 ring-slate-200">
          <CopyButton label="Copy path" getText={getPath} className="text-[11px]">
            path
          </CopyButton>
          <CopyButton label="Copy value" getText={getValue} className="text-[11px]">
            value
          </CopyButton>
        </span>
      ) : null}
    </div>
  );
}

function Key({ name }: { name: PathSegment }) {
  return typeof name === "number" ? (
    <span className="mr-1.5 text-slate-400 select-none">{name}:</span>
  ) : (
    <span className="mr-1.5 text-slate-700">
      {name}
      <span className="text-slate-400">:</span>
    </span>
  );
}

function ScalarValue({ value }: { value: unknown }) {
  const kind = kindOf(value);
  if (kind === "string") return <StringValue value={value as string} />;
  if (kind === "object" || kind === "array") {
    return <span className="text-slate-500">{Array.isArray(value) ? "[]" : "{}"}</span>;
  }
  const text = kind === "other" ? String(value) : JSON.stringify(value);
  return <span className={VALUE_CLASS[kind]}>{text}</span>;
}

/** A string, quoted, line breaks kept; long ones show their head and "show more". */
function StringValue({ value }: { value: string }) {
  const [limit, setLimit] = useState(STRING_PREVIEW);
  const { text, hidden } = truncateString(value, limit);
  return (
    <span className={cx(VALUE_CLASS.string, "break-words whitespace-pre-wrap")}>
      &quot;{text}
      {hidden > 0 ? "…" : '"'}
      {hidden > 0 ? (
        <button
          type="button"
          onClick={(event) => {
            event.stopPropagation();
            setLimit(nextStringLimit(limit, value.length));
          }}
          className="ml-2 font-sans text-[11px] font-medium whitespace-nowrap text-indigo-600 hover:text-indigo-800"
        >
          show more ({hidden.toLocaleString("en")} chars left)
        </button>
      ) : null}
      {limit > STRING_PREVIEW && hidden === 0 ? (
        <button
          type="button"
          onClick={() => setLimit(STRING_PREVIEW)}
          className="ml-2 font-sans text-[11px] font-medium whitespace-nowrap text-indigo-600 hover:text-indigo-800"
        >
          show less
        </button>
      ) : null}
    </span>
  );
}

/** What "copy value" puts on the clipboard: a string as is, anything else as pretty JSON. */
function copyValueText(value: unknown): string {
  if (typeof value === "string") return value;
  return safeStringify(value, 2) ?? String(value);
}
