/**
 * What every slice uses to change the document: `commit` turns a new document into what the
 * canvas shows (frames, hidden members), records the history entry, bumps `revision` and
 * keeps the selection pointing at things that exist. Slices build the next Doc; only this
 * file writes `base`/`nodes`/`edges` for document changes.
 */
import type { StoreApi } from "zustand/vanilla";
import type { EditorNode, FlowEdge, StepNode } from "../lib/flow-convert";
import { arrangeFlow } from "../lib/groups";
import { withFreshEstimates } from "../lib/node-handles";
import { docOf, History, snapshotOf, type Doc, type Snapshot } from "./history";
import type { EditorState } from "./types";

export type CommitOptions = {
  /** The "before" of the history entry (default: the state now). */
  before?: Snapshot;
  /** false: change the document without a new history entry (it joins the previous one). */
  record?: boolean;
  /** Also set (selection fields, ...). */
  extra?: Partial<EditorState>;
};

export type StoreKit = {
  get: () => EditorState;
  set: StoreApi<EditorState>["setState"];
  history: History;
  /** The document now (step nodes and real edges). */
  doc: () => Doc;
  /** Applies `next` as one undoable change; false (and nothing happens) when it equals the present. */
  commit: (next: Doc, options?: CommitOptions) => boolean;
};

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item, i) => item === b[i]);

export function createKit(get: () => EditorState, set: StoreApi<EditorState>["setState"]): StoreKit {
  const history = new History();
  const doc = () => docOf(get());
  const commit = (next: Doc, options: CommitOptions = {}): boolean => {
    const state = get();
    const now = docOf(state);
    if (next.base === now.base && sameItems(next.steps, now.steps) && sameItems(next.edges, now.edges) && !options.before) {
      return false;
    }
    // Cards React Flow has not measured keep a size and handles that match their new data.
    const shown = arrangeFlow(next.base, withFreshEstimates(next.steps, next.edges), next.edges, state.nodes);
    if (options.record !== false) history.record(options.before ?? snapshotOf(state));
    history.lastEdgeRemoval = null;
    set({
      base: next.base,
      nodes: shown.nodes,
      edges: shown.edges,
      revision: state.revision + 1,
      ...history.flags,
      ...selectionThatExists(state, shown.nodes, shown.edges),
      ...options.extra,
    });
    return true;
  };
  return { get, set, history, doc, commit };
}

/** The selected step/edge ids, moved to another selected item (or null) when theirs is gone or hidden. */
export function selectionThatExists(
  state: Pick<EditorState, "selectedStepId" | "selectedEdgeId">,
  nodes: readonly EditorNode[],
  edges: readonly FlowEdge[],
): Pick<EditorState, "selectedStepId" | "selectedEdgeId"> {
  const visibleSteps = nodes.filter((n): n is StepNode => n.type === "step" && !n.hidden);
  const stepOk = visibleSteps.some((n) => n.id === state.selectedStepId && n.selected);
  const edgeOk = edges.some((e) => e.id === state.selectedEdgeId && e.selected);
  return {
    selectedStepId: stepOk ? state.selectedStepId : (visibleSteps.find((n) => n.selected)?.id ?? null),
    selectedEdgeId: edgeOk ? state.selectedEdgeId : (edges.find((e) => e.selected)?.id ?? null),
  };
}

/** Steps with exactly `ids` selected (same objects where the flag does not change). */
export function withSelectedSteps(steps: readonly StepNode[], ids: ReadonlySet<string>): StepNode[] {
  return steps.map((s) => (Boolean(s.selected) === ids.has(s.id) ? s : { ...s, selected: ids.has(s.id) }));
}

export function withoutSelectedEdges(edges: readonly FlowEdge[]): FlowEdge[] {
  return edges.map((e) => (e.selected ? { ...e, selected: false } : e));
}
