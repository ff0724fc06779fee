/** Small building blocks of the inspector: sections, tabs, fact lists, collapsible JSON. */
import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { ChevronDownIcon } from "@/components/ui/icons";

type SectionProps = {
  title: string;
  children: ReactNode;
  aside?: ReactNode;
  /** Collapsible with a chevron; `defaultOpen` decides the first look. */
  collapsible?: boolean;
  defaultOpen?: boolean;
  /** Short text after the title when collapsed (e.g. "3 attempts"). */
  summary?: ReactNode;
  testId?: string;
};

export function InspectorSection({ title, children, aside, collapsible = false, defaultOpen = true, summary, testId }: SectionProps) {
  const heading = <h3 className="text-[11px] font-semibold tracking-wider text-slate-500 uppercase">{title}</h3>;
  if (!collapsible) {
    return (
      <section className="border-t border-slate-100 px-5 py-4" data-testid={testId}>
        <div className="mb-3 flex min-h-5 items-center justify-between gap-2">
          {heading}
          {aside}
        </div>
        {children}
      </section>
    );
  }
  return (
    <details open={defaultOpen} className="group/section border-t border-slate-100" data-testid={testId}>
      <summary className="flex cursor-pointer list-none items-center gap-2 px-5 py-3.5 select-none hover:bg-slate-50/70 [&::-webkit-details-marker]:hidden">
        <ChevronDownIcon className="size-3.5 -rotate-90 text-slate-400 transition-transform group-open/section:rotate-0" />
        {heading}
        {summary ? <span className="ml-auto truncate text-[12px] text-slate-500 group-open/section:hidden">{summary}</span> : null}
      </summary>
      <div className="px-5 pt-0.5 pb-4">{children}</div>
    </details>
  );
}

export type TabItem<T extends string> = { id: T; label: ReactNode; badge?: ReactNode };

/** A segmented control switching panels (Configure | Try, Builder | JSON). */
export function Tabs<T extends string>({
  items,
  value,
  onChange,
  label,
  size = "md",
  className,
}: {
  items: readonly TabItem<T>[];
  value: T;
  onChange: (id: T) => void;
  label: string;
  size?: "sm" | "md";
  className?: string;
}) {
  return (
    <div role="tablist" aria-label={label} className={cx("flex gap-0.5 rounded-lg bg-slate-100 p-0.5", className)}>
      {items.map((item) => {
        const active = item.id === value;
        return (
          <button
            key={item.id}
            type="button"
            role="tab"
            aria-selected={active}
            onClick={() => onChange(item.id)}
            className={cx(
              "flex flex-1 items-center justify-center gap-1.5 rounded-md font-medium transition-colors",
              size === "sm" ? "h-6 text-[12px]" : "h-7 text-[13px]",
              active ? "bg-white text-slate-900 shadow-xs ring-1 ring-slate-200" : "text-slate-500 hover:text-slate-800",
            )}
          >
            {item.label}
            {item.badge}
          </button>
        );
      })}
    </div>
  );
}

export function FactList({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[112px_minmax(0,1fr)] gap-x-3 gap-y-2 text-[13px]">{children}</dl>;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </>
  );
}

export function Mono({ children, className }: { children: ReactNode; className?: string }) {
  return <code className={cx("rounded bg-slate-100 px-1 py-px font-mono text-[12px] text-slate-800", className)}>{children}</code>;
}

/** Formatted JSON in a collapsible box. */
export function JsonBlock({ label, value, defaultOpen = false }: { label: string; value: unknown; defaultOpen?: boolean }) {
  return (
    <details open={defaultOpen} className="group rounded-lg border border-slate-200 bg-white">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-3 py-2 text-[13px] font-medium text-slate-700 select-none hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        {label}
        <ChevronDownIcon className="size-4 text-slate-400 transition-transform group-open:rotate-180" />
      </summary>
      <pre className="max-h-[45vh] overflow-auto border-t border-slate-200 bg-slate-50 px-3 py-2.5 font-mono text-[12px] leading-5 break-words whitespace-pre-wrap text-slate-800">
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}
