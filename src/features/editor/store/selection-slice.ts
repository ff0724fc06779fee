/**
 * What the inspector shows: one step or one edge (or nothing). React Flow keeps a
 * `selected` flag per node/edge; these actions set both together so they never disagree.
 */
import type { EditorState, SelectionSlice } from "./types";
import type { StoreKit } from "./kit";

export function createSelectionSlice(kit: StoreKit): SelectionSlice {
  const { set, get } = kit;
  return {
    selectedStepId: null,
    selectedEdgeId: null,
    selectStep: (stepId) => set((state) => select(state, stepId === null ? [] : [stepId], null)),
    selectEdge: (edgeId) => set((state) => select(state, [], edgeId)),
    selectSteps: (stepIds) => set((state) => select(state, stepIds, null)),
    clearSelection: () => set((state) => select(state, [], null)),
    selectedStepIds: () => get().nodes.flatMap((n) => (n.type === "step" && n.selected ? [n.id] : [])),
  };
}

/** Exactly these steps (the known ones) or this edge selected; frames unselected. */
function select(state: EditorState, stepIds: readonly string[], edgeId: string | null): Partial<EditorState> {
  const steps = new Set(stepIds.filter((id) => state.nodes.some((n) => n.id === id && n.type === "step")));
  const knownEdge = edgeId !== null && state.edges.some((e) => e.id === edgeId) ? edgeId : null;
  return {
    nodes: withSelected(state.nodes, steps),
    edges: withSelected(state.edges, new Set(knownEdge === null ? [] : [knownEdge])),
    selectedStepId: stepIds.find((id) => steps.has(id)) ?? null,
    selectedEdgeId: knownEdge,
  };
}

/** Same array when nothing changes; new objects only for items whose flag flips. */
function withSelected<T extends { id: string; selected?: boolean }>(items: T[], ids: ReadonlySet<string>): T[] {
  let changed = false;
  const next = items.map((item) => {
    const selected = ids.has(item.id);
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
