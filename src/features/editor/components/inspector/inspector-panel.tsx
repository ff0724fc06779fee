"use client";
/**
 * Right-hand panel: the selected step (config form and settings), the selected connection,
 * a multi-selection, or the segment's settings (nothing selected, or asked for).
 */
import { useState } from "react";
import type { SegmentDetail } from "@/shared/resources/segment-resource";
import { useEditorStore } from "../../store";
import { EdgeInspector } from "./edge-inspector";
import { MultiSelection } from "./multi-selection";
import { SegmentSettings } from "./segment-settings";
import { selectedStepCount, stepName } from "./selectors";
import { StepInspector } from "./step-inspector";

export function InspectorPanel({ detail }: { detail: SegmentDetail }) {
  const stepId = useEditorStore((s) => s.selectedStepId);
  const edgeId = useEditorStore((s) => s.selectedEdgeId);
  const count = useEditorStore((s) => selectedStepCount(s.nodes));
  const selectedName = useEditorStore((s) => (s.selectedStepId !== null ? stepName(s, s.selectedStepId) : s.selectedEdgeId !== null ? "the connection" : ""));
  // "Segment settings" asked for while something is selected; a new selection shows that instead.
  const [settingsFor, setSettingsFor] = useState<string | null>(null);
  const selectionKey = count > 1 ? `multi:${count}` : (stepId ?? edgeId ?? "");
  const showSettings = selectionKey === "" || settingsFor === selectionKey;
  const openSettings = () => setSettingsFor(selectionKey);

  let content;
  if (showSettings) {
    content = (
      <SegmentSettings
        detail={detail}
        {...(selectionKey !== "" ? { back: { label: count > 1 ? `${count} steps` : selectedName, onBack: () => setSettingsFor(null) } } : {})}
      />
    );
  } else if (count > 1) {
    content = <MultiSelection />;
  } else if (stepId !== null) {
    content = <StepInspector key={stepId} stepId={stepId} onSegmentSettings={openSettings} />;
  } else if (edgeId !== null) {
    content = <EdgeInspector key={edgeId} edgeId={edgeId} onSegmentSettings={openSettings} />;
  }

  return (
    // Keyed by what it shows, so another selection starts at the top, not mid-scroll.
    <aside key={showSettings ? "segment" : selectionKey} className="w-[384px] shrink-0 overflow-y-auto border-l border-slate-200 bg-white" aria-label="Inspector" data-testid="editor-inspector">
      {content}
    </aside>
  );
}
