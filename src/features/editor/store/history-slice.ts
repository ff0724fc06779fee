/** Undo/redo over the snapshots recorded by `commit` and by drag ends (see history.ts). */
import { arrangeFlow } from "../lib/groups";
import { restoreDoc, snapshotOf, type Snapshot } from "./history";
import { selectionThatExists, type StoreKit } from "./kit";
import type { HistorySlice } from "./types";

export function createHistorySlice(kit: StoreKit): HistorySlice {
  const { get, set, history } = kit;
  /** Shows `target`, pushing the present onto `stack` (the other direction). */
  const travel = (target: Snapshot | undefined, stack: Snapshot[]) => {
    if (!target) return;
    const state = get();
    stack.push(snapshotOf(state));
    history.dragBefore = null;
    history.lastEdgeRemoval = null;
    const doc = restoreDoc(target, state);
    const shown = arrangeFlow(doc.base, doc.steps, doc.edges, state.nodes);
    set({
      base: doc.base,
      nodes: shown.nodes,
      edges: shown.edges,
      revision: state.revision + 1,
      ...history.flags,
      ...selectionThatExists(state, shown.nodes, shown.edges),
    });
  };
  return {
    canUndo: false,
    canRedo: false,
    revision: 0,
    undo: () => travel(history.past.pop(), history.future),
    redo: () => travel(history.future.pop(), history.past),
  };
}
