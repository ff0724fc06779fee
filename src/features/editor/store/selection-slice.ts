/**
 * What the inspector shows: one step or one edge (or nothing). React Flow keeps a
 * `selected` flag per node/edge; these actions set both together so they never disagree.
 */
import type { StateCreator } from "zustand/vanilla";
import type { EditorState } from "./types";

export type SelectionSlice = {
  selectedStepId: string | null;
  selectedEdgeId: string | null;
  /** Selects one step (and nothing else); null clears the selection. */
  selectStep: (stepId: string | null) => void;
  /** Selects one edge (and nothing else); null clears the selection. */
  selectEdge: (edgeId: string | null) => void;
  clearSelection: () => void;
};

export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set) => ({
  selectedStepId: null,
  selectedEdgeId: null,
  selectStep: (stepId) => set((state) => select(state, stepId, null)),
  selectEdge: (edgeId) => set((state) => select(state, null, edgeId)),
  clearSelection: () => set((state) => select(state, null, null)),
});

function select(state: EditorState, stepId: string | null, edgeId: string | null): Partial<EditorState> {
  const knownStep = stepId !== null && state.nodes.some((n) => n.id === stepId) ? stepId : null;
  const knownEdge = edgeId !== null && state.edges.some((e) => e.id === edgeId) ? edgeId : null;
  return {
    nodes: withSelected(state.nodes, knownStep),
    edges: withSelected(state.edges, knownEdge),
    selectedStepId: knownStep,
    selectedEdgeId: knownEdge,
  };
}

/** Same array when nothing changes; new objects only for items whose flag flips. */
function withSelected<T extends { id: string; selected?: boolean }>(items: T[], id: string | null): T[] {
  let changed = false;
  const next = items.map((item) => {
    const selected = item.id === id;
    if (Boolean(item.selected) === selected) return item;
    changed = true;
    return { ...item, selected };
  });
  return changed ? next : items;
}

type SelectLikeChange = { type: string; id?: string; selected?: boolean };

/**
 * The selected id after React Flow changes were applied: a newly selected item wins;
 * if the current one was deselected or removed, another selected item (or null) takes over.
 */
export function selectionAfterChanges(
  current: string | null,
  changes: readonly SelectLikeChange[],
  items: readonly { id: string; selected?: boolean }[],
): string | null {
  if (!changes.some((c) => c.type === "select" || c.type === "remove" || c.type === "replace" || c.type === "add")) {
    return current;
  }
  const newlySelected = changes.find((c) => c.type === "select" && c.selected === true && c.id !== undefined);
  if (newlySelected?.id !== undefined && items.some((i) => i.id === newlySelected.id && i.selected)) {
    return newlySelected.id;
  }
  if (current !== null && items.some((i) => i.id === current && i.selected)) return current;
  return items.find((i) => i.selected)?.id ?? null;
}
