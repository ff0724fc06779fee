"use client";
/**
 * The floating toolbar on the canvas: undo/redo, auto-layout, fit view, zoom, help. Every
 * button says its shortcut in its tooltip; undo/redo are disabled when there is nothing to do.
 */
import { useStore, type ReactFlowState } from "@xyflow/react";
import type { ReactNode } from "react";
import { Spinner } from "@/components/ui/spinner";
import { keyLabel } from "../../hooks/shortcut-keys";
import { useEditorStore } from "../../store";
import { FitIcon, HelpIcon, LayoutIcon, MapIcon, RedoIcon, UndoIcon, ZoomInIcon, ZoomOutIcon } from "./canvas-icons";

type Props = {
  readOnly: boolean;
  layoutRunning: boolean;
  onAutoLayout: () => void;
  onFitView: () => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onZoomReset: () => void;
  onHelp: () => void;
  minimap: boolean;
  onToggleMinimap: () => void;
};

const zoomOf = (s: ReactFlowState) => Math.round(s.transform[2] * 100);

function ToolButton({ label, keys, onClick, disabled, children, testId }: { label: string; keys?: readonly string[]; onClick: () => void; disabled?: boolean; children: ReactNode; testId?: string }) {
  const tip = keys ? `${label} (${keyLabel(keys)})` : label;
  return (
    <button
      type="button"
      aria-label={label}
      title={tip}
      disabled={disabled}
      onClick={onClick}
      data-testid={testId}
      className="flex size-8 items-center justify-center rounded-md text-slate-600 outline-none hover:bg-slate-100 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500/40 disabled:cursor-default disabled:text-slate-300 disabled:hover:bg-transparent"
    >
      {children}
    </button>
  );
}

const Divider = () => <span aria-hidden className="mx-0.5 h-5 w-px bg-slate-200" />;

export function CanvasToolbar(props: Props) {
  const { readOnly, layoutRunning } = props;
  const canUndo = useEditorStore((s) => s.canUndo);
  const canRedo = useEditorStore((s) => s.canRedo);
  const undo = useEditorStore((s) => s.undo);
  const redo = useEditorStore((s) => s.redo);
  const zoom = useStore(zoomOf);
  return (
    <div
      role="toolbar"
      aria-label="Canvas tools"
      className="absolute top-3 left-3 z-10 flex items-center gap-0.5 rounded-lg bg-white p-1 shadow-md ring-1 ring-slate-900/10"
      data-testid="canvas-toolbar"
    >
      {!readOnly && (
        <>
          <ToolButton label="Undo" keys={["Mod", "Z"]} onClick={undo} disabled={!canUndo} testId="canvas-undo">
            <UndoIcon />
          </ToolButton>
          <ToolButton label="Redo" keys={["Mod", "Shift", "Z"]} onClick={redo} disabled={!canRedo} testId="canvas-redo">
            <RedoIcon />
          </ToolButton>
          <Divider />
          <ToolButton label="Auto-layout" keys={["Shift", "L"]} onClick={props.onAutoLayout} disabled={layoutRunning} testId="canvas-auto-layout">
            {layoutRunning ? <Spinner className="size-4" /> : <LayoutIcon />}
          </ToolButton>
        </>
      )}
      <ToolButton label="Fit view" keys={["Shift", "1"]} onClick={props.onFitView} testId="canvas-fit-view">
        <FitIcon />
      </ToolButton>
      <Divider />
      <ToolButton label="Zoom out" keys={["Mod", "−"]} onClick={props.onZoomOut}>
        <ZoomOutIcon />
      </ToolButton>
      <button
        type="button"
        onClick={props.onZoomReset}
        title={`Zoom to 100% (${keyLabel(["Mod", "0"])})`}
        aria-label={`Zoom ${zoom}%, reset to 100%`}
        className="h-8 w-12 rounded-md text-center text-xs font-medium text-slate-600 tabular-nums outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500/40"
      >
        {zoom}%
      </button>
      <ToolButton label="Zoom in" keys={["Mod", "+"]} onClick={props.onZoomIn}>
        <ZoomInIcon />
      </ToolButton>
      <Divider />
      <button
        type="button"
        aria-label="Minimap"
        aria-pressed={props.minimap}
        title={props.minimap ? "Hide the minimap" : "Show the minimap"}
        onClick={props.onToggleMinimap}
        data-testid="canvas-minimap-toggle"
        className={`flex size-8 items-center justify-center rounded-md outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500/40 ${
          props.minimap ? "bg-slate-100 text-slate-900" : "text-slate-600"
        }`}
      >
        <MapIcon />
      </button>
      <ToolButton label="Keyboard shortcuts" keys={["?"]} onClick={props.onHelp} testId="canvas-help">
        <HelpIcon />
      </ToolButton>
    </div>
  );
}
