"use client";
/** Right-hand, read-only panel: the selected step or edge, else the segment overview. */
import type { SegmentDetail } from "@/shared/resources/segment-resource";
import { useEditorStore } from "../../store";
import { EdgeInspector } from "./edge-inspector";
import { SegmentOverview } from "./segment-overview";
import { StepInspector } from "./step-inspector";

export function InspectorPanel({ detail }: { detail: SegmentDetail }) {
  const stepId = useEditorStore((s) => s.selectedStepId);
  const edgeId = useEditorStore((s) => s.selectedEdgeId);
  return (
    <aside
      className="w-[360px] shrink-0 overflow-y-auto border-l border-slate-200 bg-white"
      aria-label="Inspector"
      data-testid="editor-inspector"
    >
      {stepId !== null ? (
        <StepInspector key={stepId} stepId={stepId} />
      ) : edgeId !== null ? (
        <EdgeInspector key={edgeId} edgeId={edgeId} />
      ) : (
        <SegmentOverview detail={detail} />
      )}
    </aside>
  );
}
