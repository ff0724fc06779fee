"use client";
/** The editor layout: top bar; palette, canvas (with the problems bar) and inspector side by side. */
import { useCallback, useRef } from "react";
import type { SegmentDetail } from "@/shared/resources/segment-resource";
import { EditorCanvas, type CanvasApi } from "./editor-canvas";
import { EditorTopBar } from "./editor-top-bar";
import { InspectorPanel } from "./inspector/inspector-panel";
import { Palette } from "./palette/palette";
import { ProblemsPanel } from "./problems/problems-panel";

export function EditorScreen({ detail }: { detail: SegmentDetail }) {
  // The palette asks the canvas (which owns the viewport) to add a step in the middle of the view.
  const canvas = useRef<CanvasApi | null>(null);
  const onCanvasReady = useCallback((api: CanvasApi | null) => {
    canvas.current = api;
  }, []);
  const addStep = useCallback((typeId: string) => canvas.current?.addStepAtCentre(typeId), []);

  return (
    <div className="flex h-dvh flex-col bg-slate-50">
      <EditorTopBar detail={detail} />
      <div className="flex min-h-0 flex-1">
        <Palette onAdd={addStep} />
        <main className="relative min-w-0 flex-1" aria-label="Canvas">
          <EditorCanvas onReady={onCanvasReady} />
          <ProblemsPanel />
        </main>
        <InspectorPanel detail={detail} />
      </div>
    </div>
  );
}
