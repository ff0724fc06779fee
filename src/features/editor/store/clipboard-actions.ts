/** Copy, paste and duplicate: steps travel in the segment contract (clipboard.ts), get fresh ids when theirs are taken, and arrive selected. */
import type { XYPosition } from "@xyflow/react";
import type { Edge, Step } from "@/shared/segment";
import { clipboardText, readClipboard, type ClipboardContent } from "../lib/clipboard";
import { edgeToFlow, flowToEdge, hasPosition, isGroupNode, nodeToStep, stepToNode, type StepNode } from "../lib/flow-convert";
import { groupOf } from "../lib/groups";
import { autoLayout } from "../lib/layout";
import { uniqueStepId } from "../lib/step-ids";
import type { Doc } from "./history";
import { withoutSelectedEdges, withSelectedSteps, type StoreKit } from "./kit";
import type { EditingSlice } from "./types";

/** How far copies land from their originals (and from each other on repeated pastes). */
export const PASTE_OFFSET = 32;

type ClipboardActions = Pick<EditingSlice, "copySelection" | "paste" | "duplicateSelection">;

export function createClipboardActions(kit: StoreKit): ClipboardActions {
  const selection = (): ClipboardContent | null => {
    const state = kit.get();
    const frames = new Set(state.nodes.flatMap((n) => (isGroupNode(n) && n.selected ? [n.data.group_id] : [])));
    const steps = kit
      .doc()
      .steps.filter((n) => (n.selected && !n.hidden) || (frames.size > 0 && frames.has(groupOf(n) ?? "")));
    if (steps.length === 0) return null;
    const ids = new Set(steps.map((s) => s.id));
    const edges = kit
      .doc()
      .edges.filter((e) => ids.has(e.source) && ids.has(e.target))
      .map(flowToEdge);
    return { steps: steps.map(placedStep), edges };
  };

  const insert = (content: ClipboardContent, at: XYPosition | undefined, keepGroups: boolean): string[] => {
    const doc = kit.doc();
    const { next, ids } = inserted(doc, content, at, keepGroups);
    kit.commit(next, { extra: { selectedStepId: ids[0] ?? null, selectedEdgeId: null } });
    return ids;
  };

  return {
    copySelection: () => {
      const content = selection();
      return content ? clipboardText(content.steps, content.edges) : null;
    },
    duplicateSelection: () => {
      const content = selection();
      return content ? insert(content, undefined, true) : [];
    },
    paste: (text, at) => {
      const read = readClipboard(text);
      if (!read.ok) return read;
      return { ok: true, value: { stepIds: insert(read.content, at, false) } };
    },
  };
}

/** The step as saved, always with its position in `ui` (a copy must land where it was seen). */
function placedStep(node: StepNode): Step {
  const step = nodeToStep(node);
  return { ...step, ui: { ...step.ui, x: node.position.x, y: node.position.y } };
}

/**
 * The doc with the content added: fresh ids where taken (edges follow; edges to steps
 * outside the content are dropped), placed with their top-left at `at` or offset from
 * where they were (further while they would sit exactly on existing steps), selected.
 */
export function inserted(
  doc: Doc,
  content: ClipboardContent,
  at: XYPosition | undefined,
  keepGroups: boolean,
): { next: Doc; ids: string[] } {
  const taken = new Set(doc.steps.map((s) => s.id));
  const idMap = new Map<string, string>();
  const ids: string[] = [];
  for (const step of content.steps) {
    const id = uniqueStepId(step.step_id, taken);
    taken.add(id);
    ids.push(id);
    if (!idMap.has(step.step_id)) idMap.set(step.step_id, id);
  }
  const positions = contentPositions(content);
  const delta = placementDelta(doc, positions, at);
  const steps: StepNode[] = content.steps.map((step, i) => {
    const where = positions[i]!;
    const position = { x: where.x + delta.x, y: where.y + delta.y };
    const { group, ...extras }: Record<string, unknown> = step.ui ?? {};
    const ui = keepGroups && group !== undefined ? { ...extras, group, ...position } : { ...extras, ...position };
    return { ...stepToNode({ ...step, step_id: ids[i]!, ui }, position, undefined), selected: true };
  });
  const usedEdgeIds = new Set(doc.edges.map((e) => e.id));
  const edges = content.edges.flatMap((edge: Edge) => {
    const from = idMap.get(edge.from_step);
    const to = idMap.get(edge.to_step);
    return from && to ? [edgeToFlow({ ...edge, from_step: from, to_step: to }, usedEdgeIds)] : [];
  });
  const empty = doc.steps.length === 0 || doc.base.entrypoint === "";
  const entrypoint = (content.entrypoint !== undefined ? idMap.get(content.entrypoint) : undefined) ?? ids[0]!;
  const next: Doc = {
    base: empty ? { ...doc.base, entrypoint } : doc.base,
    steps: [...withSelectedSteps(doc.steps, new Set()), ...steps],
    edges: [...withoutSelectedEdges(doc.edges), ...edges],
  };
  return { next, ids };
}

/** Where each content step was: its `ui`, else the automatic layout of the content. */
function contentPositions(content: ClipboardContent): XYPosition[] {
  const placed = new Map<string, XYPosition>();
  for (const step of content.steps) if (step.ui && hasPosition(step)) placed.set(step.step_id, { x: step.ui.x, y: step.ui.y });
  const auto = autoLayout({
    steps: content.steps,
    edges: content.edges,
    entrypoint: content.entrypoint ?? content.steps[0]?.step_id ?? "",
    placed,
  });
  return content.steps.map((s) => placed.get(s.step_id) ?? auto.get(s.step_id) ?? { x: 0, y: 0 });
}

function placementDelta(doc: Doc, positions: readonly XYPosition[], at: XYPosition | undefined): XYPosition {
  if (at) {
    const minX = Math.min(...positions.map((p) => p.x));
    const minY = Math.min(...positions.map((p) => p.y));
    return { x: at.x - minX, y: at.y - minY };
  }
  const occupied = new Set(doc.steps.map((s) => `${s.position.x},${s.position.y}`));
  for (let n = 1; ; n++) {
    const d = n * PASTE_OFFSET;
    if (n >= 50 || !positions.some((p) => occupied.has(`${p.x + d},${p.y + d}`))) return { x: d, y: d };
  }
}
