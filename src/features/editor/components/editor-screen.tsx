"use client";
/** The editor layout: top bar, canvas, inspector. */
import type { SegmentDetail } from "@/shared/resources/segment-resource";
import { EditorCanvas } from "./editor-canvas";
import { EditorTopBar } from "./editor-top-bar";
import { InspectorPanel } from "./inspector/inspector-panel";

export function EditorScreen({ detail }: { detail: SegmentDetail }) {
  return (
    <div className="flex h-dvh flex-col bg-slate-50">
      <EditorTopBar detail={detail} />
      <div className="flex min-h-0 flex-1">
        <main className="relative min-w-0 flex-1" aria-label="Canvas">
          <EditorCanvas />
        </main>
        <InspectorPanel detail={detail} />
      </div>
    </div>
  );
}
