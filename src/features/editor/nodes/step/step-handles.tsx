"use client";
/**
 * A step's handles: inputs on the left, outputs on the right, coloured by port level. A lone
 * port sits at the header's middle; several ports get one labelled row each (condition
 * true/false). While a connection is dragged, handles that could take it grow a halo and
 * the others fade.
 *
 * lib/node-handles.ts computes where these handles are before React Flow measures a card:
 * a change to their size or to the rows' spacing must change STEP_CARD there too.
 */
import { Handle, Position } from "@xyflow/react";
import type { CSSProperties } from "react";
import { HEADER_HANDLE_TOP } from "../../lib/node-handles";
import type { HandleInfo, HandleSide } from "../../lib/step-ports";
import { portColor } from "../port-colors";
import type { HandleHighlight } from "./use-connect-highlight";

export { HEADER_HANDLE_TOP };

type HighlightMap = ReadonlyMap<string, HandleHighlight> | null;

const BASE_CLASS = "h-3! w-3! border-2! border-white! transition-[opacity,box-shadow,transform] duration-150";

/** React Flow centres side handles with a translate; growing one must keep it. */
const CENTRED: Record<HandleSide, string> = { source: "translate(50%, -50%)", target: "translate(-50%, -50%)" };

function handleStyle(side: HandleSide, color: string, highlight: HandleHighlight, extra?: CSSProperties): CSSProperties {
  const style: CSSProperties = { backgroundColor: color, boxShadow: "0 1px 2px rgba(15,23,42,0.25)", ...extra };
  if (highlight === "ok" || highlight === "origin") {
    style.boxShadow = `0 0 0 4px ${color}40, 0 0 0 1px ${color}`;
    style.transform = `${CENTRED[side]} scale(1.35)`;
  } else if (highlight === "refused" || highlight === "off") {
    style.opacity = 0.25;
  }
  return style;
}

function describe(handle: HandleInfo, side: HandleSide): string {
  const what = side === "source" ? "Output" : "Input";
  const level = handle.level ? ` · ${handle.level} level` : "";
  const type = handle.dataType && handle.dataType !== "any" ? ` · ${handle.dataType}` : "";
  const label = handle.label.toLowerCase() === what.toLowerCase() ? what : `${what} “${handle.label}”`;
  return `${label}${level}${type}${handle.description ? `\n${handle.description}` : ""}`;
}

type PortHandleProps = { handle: HandleInfo; side: HandleSide; highlight: HandleHighlight; style?: CSSProperties; connectable: boolean };

function PortHandle({ handle, side, highlight, style, connectable }: PortHandleProps) {
  return (
    <Handle
      type={side}
      id={handle.id}
      position={side === "source" ? Position.Right : Position.Left}
      isConnectable={connectable}
      title={describe(handle, side)}
      data-level={handle.level ?? "unknown"}
      data-highlight={highlight}
      className={BASE_CLASS}
      style={handleStyle(side, portColor(handle.level), highlight, style)}
    />
  );
}

type SideProps = { side: HandleSide; handles: readonly HandleInfo[]; highlights: HighlightMap; connectable: boolean };

/** One handle at the header's middle, for a side with a single port. */
export function HeaderHandle({ side, handles, highlights, connectable }: SideProps) {
  const handle = handles[0];
  if (!handle) return null;
  return (
    <PortHandle
      handle={handle}
      side={side}
      highlight={highlights?.get(handle.id) ?? "idle"}
      style={{ top: HEADER_HANDLE_TOP }}
      connectable={connectable}
    />
  );
}

/** One labelled row per port (e.g. a condition's "True" / "False"). */
export function PortRows({ side, handles, highlights, connectable }: SideProps) {
  const output = side === "source";
  return (
    <div className="border-t border-slate-100 py-1.5">
      {handles.map((handle) => (
        <div key={handle.id} className={`relative flex h-6 items-center ${output ? "justify-end pr-4" : "pl-4"}`}>
          <span className="rounded bg-slate-100 px-1.5 py-px text-[11px] leading-4 font-medium text-slate-600">
            <span data-lod="detail">{handle.label}</span>
          </span>
          <PortHandle
            handle={handle}
            side={side}
            highlight={highlights?.get(handle.id) ?? "idle"}
            connectable={connectable}
          />
        </div>
      ))}
    </div>
  );
}
