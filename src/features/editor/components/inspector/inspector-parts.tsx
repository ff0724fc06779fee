/** Small building blocks of the inspector: sections, fact lists, collapsible JSON. */
import type { ReactNode } from "react";
import { ChevronDownIcon } from "@/components/ui/icons";

export function InspectorSection({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section className="border-t border-slate-100 px-5 py-4">
      <div className="mb-2.5 flex items-center justify-between">
        <h3 className="text-[11px] font-semibold tracking-wider text-slate-500 uppercase">{title}</h3>
        {aside}
      </div>
      {children}
    </section>
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

export function Mono({ children }: { children: ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 py-px font-mono text-[12px] text-slate-800">{children}</code>;
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
