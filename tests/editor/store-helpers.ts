/** Small helpers for the editor store tests: build a store, read its segment, drive React Flow changes. */
import type { NodeChange, XYPosition } from "@xyflow/react";
import { isGroupNode, isStepNode, type EditorNode, type GroupNode, type StepNode } from "@/features/editor/lib/flow-convert";
import { createEditorStore, selectSegment } from "@/features/editor/store/create-editor-store";
import type { EditorStore } from "@/features/editor/store/types";
import type { Segment } from "@/shared/segment";
import { emptyDraft, parsed, seededExamples } from "./fixtures";

export const triage = (): Segment => parsed(seededExamples()["support-triage"]);
export const triageStore = (): EditorStore => createEditorStore(triage());
export const emptyStore = (): EditorStore => createEditorStore(emptyDraft());

export const segmentOf = (store: EditorStore): Segment => selectSegment(store.getState());
export const stepIdsOf = (store: EditorStore): string[] => segmentOf(store).steps.map((s) => s.step_id);
export const stepOf = (store: EditorStore, id: string) => segmentOf(store).steps.find((s) => s.step_id === id);
export const stepNodes = (store: EditorStore): StepNode[] => store.getState().nodes.filter(isStepNode);
export const stepNode = (store: EditorStore, id: string): StepNode | undefined => stepNodes(store).find((n) => n.id === id);
export const frames = (store: EditorStore): GroupNode[] => store.getState().nodes.filter(isGroupNode);
export const edgeEnds = (segment: Segment): string[] => segment.edges.map((e) => `${e.from_step}->${e.to_step}`);

/** A React Flow drag: ticks with dragging:true, then the drop (dragging:false). */
export function drag(store: EditorStore, ids: readonly string[], steps: readonly XYPosition[]): void {
  const nodes = new Map(store.getState().nodes.map((n): [string, EditorNode] => [n.id, n]));
  const start = ids.map((id) => nodes.get(id)!.position);
  const move = (delta: XYPosition, dragging: boolean): NodeChange<EditorNode>[] =>
    ids.map((id, i) => ({ type: "position", id, position: { x: start[i]!.x + delta.x, y: start[i]!.y + delta.y }, dragging }));
  for (const delta of steps) store.getState().onNodesChange(move(delta, true));
  store.getState().onNodesChange(move(steps[steps.length - 1]!, false));
}
