import { Handle, Position } from "@xyflow/react";
import type { CSSProperties } from "react";

/** Vertical centre of the card header: single handles sit there, so straight rows stay straight. */
export const HEADER_HANDLE_TOP = 29;

const HANDLE_CLASS = "h-3! w-3! border-2! border-white! shadow-sm";

export function SingleHandle({ type, id, color }: { type: "source" | "target"; id: string; color: string }) {
  const style: CSSProperties = { top: HEADER_HANDLE_TOP, backgroundColor: color };
  return (
    <Handle
      type={type}
      id={id}
      position={type === "source" ? Position.Right : Position.Left}
      className={HANDLE_CLASS}
      style={style}
    />
  );
}

/** One labelled row per output port (e.g. a condition's "true" / "false"). */
export function OutputPortRows({ ports, color }: { ports: readonly string[]; color: string }) {
  return (
    <div className="border-t border-slate-100 py-1.5">
      {ports.map((port) => (
        <div key={port} className="relative flex h-6 items-center justify-end pr-4">
          <span className="rounded bg-slate-100 px-1.5 py-px font-mono text-[11px] leading-4 text-slate-600">{port}</span>
          <Handle
            type="source"
            id={port}
            position={Position.Right}
            className={HANDLE_CLASS}
            style={{ backgroundColor: color }}
          />
        </div>
      ))}
    </div>
  );
}

/** One labelled row per input port, for steps that take more than one. */
export function InputPortRows({ ports, color }: { ports: readonly string[]; color: string }) {
  return (
    <div className="border-t border-slate-100 py-1.5">
      {ports.map((port) => (
        <div key={port} className="relative flex h-6 items-center pl-4">
          <span className="rounded bg-slate-100 px-1.5 py-px font-mono text-[11px] leading-4 text-slate-600">{port}</span>
          <Handle
            type="target"
            id={port}
            position={Position.Left}
            className={HANDLE_CLASS}
            style={{ backgroundColor: color }}
          />
        </div>
      ))}
    </div>
  );
}
