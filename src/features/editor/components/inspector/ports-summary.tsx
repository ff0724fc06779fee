/** The step type's ports from the catalog: what goes in and out, at which level, of which data type. */
import type { Port, PortLevel } from "@/shared/catalog";
import { builtinCatalog } from "@/shared/catalog";
import { cx } from "@/components/ui/cx";

const LEVEL_STYLE: Record<PortLevel, string> = {
  workflow: "bg-sky-50 text-sky-700 ring-sky-600/20",
  agent: "bg-violet-50 text-violet-700 ring-violet-600/20",
  human: "bg-amber-50 text-amber-800 ring-amber-600/25",
};

export function PortsSummary({ type }: { type: string }) {
  const meta = builtinCatalog.get(type);
  if (!meta) return <p className="text-[13px] text-slate-500">Unknown step type: one input, one output.</p>;
  return (
    <div className="grid grid-cols-2 gap-3">
      <PortColumn title="In" ports={meta.ports.inputs} />
      <PortColumn title="Out" ports={meta.ports.outputs} />
    </div>
  );
}

function PortColumn({ title, ports }: { title: string; ports: readonly Port[] }) {
  return (
    <div className="min-w-0">
      <div className="mb-1.5 text-[11px] font-medium text-slate-400 uppercase">{title}</div>
      <ul className="space-y-1.5">
        {ports.map((port) => (
          <li key={port.id} className="rounded-md border border-slate-200 px-2 py-1.5" title={port.description}>
            <div className="flex items-center gap-1.5">
              <span className="min-w-0 flex-1 truncate text-[12px] font-medium text-slate-800">{port.label ?? port.id}</span>
              <span className={cx("rounded px-1 text-[10px] font-medium ring-1 ring-inset", LEVEL_STYLE[port.level])}>{port.level}</span>
            </div>
            <div className="mt-0.5 flex items-center gap-1 text-[11px] text-slate-500">
              <code className="font-mono">{port.id}</code>
              <span aria-hidden>·</span>
              <span>{port.data_type}</span>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
