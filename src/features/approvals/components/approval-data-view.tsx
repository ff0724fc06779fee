"use client";
/**
 * The data a reviewer looks at, rendered for reading rather than as JSON: an object as labelled
 * fields, prose as text (long text scrolls in its own box), lists as lists. What is too deep or
 * too large for that shows as compact JSON; "JSON" switches the whole value to raw JSON.
 */
import { useState } from "react";
import { cx } from "@/components/ui/cx";
import { fieldTitle, isRecord } from "@/features/editor/forms/json-schema-node";

type Variant = "inline" | "page";

const FIELD_LIMIT = 40;
const LIST_LIMIT = 25;
/** Strings longer than this (or with a line break) get their own scrolling text box. */
const SHORT_TEXT = 90;
/** Nesting shown as fields; deeper values become compact JSON. */
const MAX_DEPTH = 2;

type DataViewProps = {
  value: unknown;
  variant?: Variant;
  label?: string;
  /** Keys of the top-level object to show first, in this order (e.g. the form's fields). */
  order?: readonly string[] | undefined;
};

export function ApprovalDataView({ value, variant = "inline", label = "Data to review", order }: DataViewProps) {
  const [raw, setRaw] = useState(false);
  const structured = isRecord(value) || Array.isArray(value);
  return (
    <section aria-label={label}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">{label}</h3>
        {structured ? (
          <div role="group" aria-label="Show the data as" className="flex rounded-md bg-slate-100 p-0.5 text-[11px] font-medium">
            {(["Fields", "JSON"] as const).map((mode) => {
              const active = (mode === "JSON") === raw;
              return (
                <button
                  key={mode}
                  type="button"
                  aria-pressed={active}
                  onClick={() => setRaw(mode === "JSON")}
                  className={cx(
                    "rounded px-2 py-0.5 transition-colors focus-visible:outline-2 focus-visible:outline-indigo-600",
                    active ? "bg-white text-slate-900 shadow-xs" : "text-slate-500 hover:text-slate-800",
                  )}
                >
                  {mode}
                </button>
              );
            })}
          </div>
        ) : null}
      </div>
      {raw ? <JsonBlock value={value} tall={variant === "page"} /> : <RootValue value={value} variant={variant} order={order} />}
    </section>
  );
}

function RootValue({ value, variant, order }: { value: unknown; variant: Variant; order: readonly string[] | undefined }) {
  if (value === undefined || value === null || (isRecord(value) && Object.keys(value).length === 0)) {
    return <p className="rounded-md bg-slate-50 px-3 py-2.5 text-[13px] text-slate-500 italic ring-1 ring-slate-200 ring-inset">No data was passed to this step.</p>;
  }
  if (typeof value === "string") return <TextBlock text={value} tall={variant === "page"} />;
  if (isRecord(value)) {
    return (
      <div className="rounded-lg bg-white ring-1 ring-slate-200">
        <Fields value={value} depth={0} variant={variant} order={order} />
      </div>
    );
  }
  return (
    <div className="rounded-lg bg-white px-3 py-2.5 ring-1 ring-slate-200">
      <Value value={value} depth={0} variant={variant} />
    </div>
  );
}

function Fields({ value, depth, variant, order }: { value: Record<string, unknown>; depth: number; variant: Variant; order?: readonly string[] | undefined }) {
  const [all, setAll] = useState(false);
  const entries = ordered(value, order);
  const shown = all ? entries : entries.slice(0, FIELD_LIMIT);
  const columns = variant === "page" && depth === 0;
  return (
    <dl className={cx("divide-y divide-slate-100", depth > 0 && "border-l-2 border-slate-100 pl-3")}>
      {shown.map(([key, item]) => (
        <div
          key={key}
          data-field={key}
          className={cx(depth === 0 ? "px-3 py-2.5" : "py-1.5", columns && "sm:grid sm:grid-cols-[minmax(0,11rem)_minmax(0,1fr)] sm:gap-4")}
        >
          <dt className={cx("truncate text-[12px] font-medium text-slate-500", !columns && "mb-0.5", columns && "sm:pt-px")} title={key}>
            {fieldTitle(key)}
          </dt>
          <dd className="min-w-0 text-[13px] text-slate-900">
            <Value value={item} depth={depth + 1} variant={variant} />
          </dd>
        </div>
      ))}
      {entries.length > shown.length ? (
        <div className={depth === 0 ? "px-3 py-2" : "py-1.5"}>
          <button type="button" className="text-[12px] font-medium text-indigo-600 hover:text-indigo-500" onClick={() => setAll(true)}>
            Show {entries.length - shown.length} more fields
          </button>
        </div>
      ) : null}
    </dl>
  );
}

function ordered(value: Record<string, unknown>, order: readonly string[] | undefined): [string, unknown][] {
  if (!order?.length) return Object.entries(value);
  const first = order.filter((key) => key in value).map((key): [string, unknown] => [key, value[key]]);
  const rest = Object.entries(value).filter(([key]) => !order.includes(key));
  return [...first, ...rest];
}

function Value({ value, depth, variant }: { value: unknown; depth: number; variant: Variant }) {
  if (value === null || value === undefined) return <span className="text-slate-400 italic">empty</span>;
  if (typeof value === "string") {
    if (value === "") return <span className="text-slate-400 italic">empty text</span>;
    if (value.length > SHORT_TEXT || value.includes("\n")) return <TextBlock text={value} tall={variant === "page"} />;
    return <span className="break-words whitespace-pre-wrap">{value}</span>;
  }
  if (typeof value === "number") return <span className="font-mono text-[12.5px] tabular-nums">{String(value)}</span>;
  if (typeof value === "boolean") {
    return (
      <span className={cx("inline-flex items-center gap-1.5 font-medium", value ? "text-emerald-700" : "text-slate-600")}>
        <span className={cx("size-1.5 rounded-full", value ? "bg-emerald-500" : "bg-slate-400")} aria-hidden />
        {value ? "Yes" : "No"}
      </span>
    );
  }
  if (depth > MAX_DEPTH) return <JsonBlock value={value} tall={false} />;
  if (Array.isArray(value)) return <List items={value} depth={depth} variant={variant} />;
  if (isRecord(value)) {
    return Object.keys(value).length === 0 ? <span className="text-slate-400 italic">empty</span> : <Fields value={value} depth={depth} variant={variant} />;
  }
  return <span className="font-mono text-[12.5px]">{String(value)}</span>;
}

function List({ items, depth, variant }: { items: unknown[]; depth: number; variant: Variant }) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return <span className="text-slate-400 italic">no items</span>;
  // A list of objects reads best as JSON (each item's fields would repeat the same labels).
  if (items.some((item) => isRecord(item) || Array.isArray(item))) return <JsonBlock value={items} tall={false} />;
  const shown = all ? items : items.slice(0, LIST_LIMIT);
  return (
    <div>
      <ul className="space-y-0.5">
        {shown.map((item, i) => (
          <li key={i} className="flex gap-2">
            <span className="mt-[7px] size-1 shrink-0 rounded-full bg-slate-400" aria-hidden />
            <span className="min-w-0">
              <Value value={item} depth={depth + 1} variant={variant} />
            </span>
          </li>
        ))}
      </ul>
      {items.length > shown.length ? (
        <button type="button" className="mt-1 text-[12px] font-medium text-indigo-600 hover:text-indigo-500" onClick={() => setAll(true)}>
          Show {items.length - shown.length} more
        </button>
      ) : null}
    </div>
  );
}

/** Long text to read, drawn as a quote (a left rule, no box): a framed box reads as an input. */
function TextBlock({ text, tall }: { text: string; tall: boolean }) {
  return (
    <div
      tabIndex={0}
      className={cx(
        "overflow-y-auto rounded-r-md border-l-2 border-slate-300 bg-slate-50/80 px-3 py-2 text-[13px] leading-relaxed break-words whitespace-pre-wrap text-slate-800",
        "focus-visible:outline-2 focus-visible:outline-indigo-600",
        tall ? "max-h-96" : "max-h-56",
      )}
    >
      {text}
    </div>
  );
}

function JsonBlock({ value, tall }: { value: unknown; tall: boolean }) {
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    text = String(value);
  }
  return (
    <pre
      tabIndex={0}
      className={cx(
        "overflow-auto rounded-md bg-slate-50 px-3 py-2 font-mono text-[12px] leading-5 text-slate-800 ring-1 ring-slate-200 ring-inset",
        "focus-visible:outline-2 focus-visible:outline-indigo-600",
        tall ? "max-h-[28rem]" : "max-h-64",
      )}
    >
      {text}
    </pre>
  );
}
