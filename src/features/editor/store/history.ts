/**
 * Undo/redo by snapshots. A snapshot is the document part of the state as it was shown
 * (`base`, `nodes`, `edges` array references): the arrays are immutable, so taking one costs
 * nothing and unchanged nodes are shared between snapshots (no deep copies, even at 1,000
 * steps). Restoring one merges it with the present so selection and measured sizes of the
 * items that still exist survive an undo.
 */
import { isStepNode, type EditorNode, type FlowEdge, type SegmentBase, type StepNode } from "../lib/flow-convert";
import { realEdge } from "../lib/groups";

export const HISTORY_LIMIT = 100;

export type Snapshot = { readonly base: SegmentBase; readonly nodes: readonly EditorNode[]; readonly edges: readonly FlowEdge[] };

/** The document without its drawing: step nodes and the edges as saved. */
export type Doc = { base: SegmentBase; steps: StepNode[]; edges: FlowEdge[] };

export const snapshotOf = (state: Snapshot): Snapshot => ({ base: state.base, nodes: state.nodes, edges: state.edges });

export function docOf(state: Snapshot): Doc {
  const steps: StepNode[] = [];
  for (const node of state.nodes) if (isStepNode(node)) steps.push(node);
  return { base: state.base, steps, edges: state.edges.map(realEdge) };
}

export class History {
  past: Snapshot[] = [];
  future: Snapshot[] = [];
  /** The state when the current drag started (React Flow's first `dragging: true`). */
  dragBefore: Snapshot | null = null;
  /**
   * React Flow deletes a node's edges first, then the node, in two calls: the node removal
   * joins the edge removal's history entry when it comes right after it (same revision)
   * and those edges all touched the removed steps.
   */
  lastEdgeRemoval: { revision: number; ends: ReadonlySet<string>[] } | null = null;

  record(before: Snapshot): void {
    this.past.push(before);
    if (this.past.length > HISTORY_LIMIT) this.past.splice(0, this.past.length - HISTORY_LIMIT);
    this.future = [];
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.dragBefore = null;
    this.lastEdgeRemoval = null;
  }

  get flags(): { canUndo: boolean; canRedo: boolean } {
    return { canUndo: this.past.length > 0, canRedo: this.future.length > 0 };
  }
}

const samePosition = (a: StepNode, b: StepNode) => a.position.x === b.position.x && a.position.y === b.position.y;

/**
 * The snapshot's document with the present's view state: a node or edge whose document
 * part did not change is the present object itself; a changed one takes the snapshot's
 * content with the present's selection (unselected if it did not exist) and measured size.
 */
export function restoreDoc(snapshot: Snapshot, present: Snapshot): Doc {
  const target = docOf(snapshot);
  const now = docOf(present);
  const stepsNow = new Map(now.steps.map((s) => [s.id, s]));
  const edgesNow = new Map(now.edges.map((e) => [e.id, e]));
  const steps = target.steps.map((step) => {
    const current = stepsNow.get(step.id);
    if (current === step || (current && current.data === step.data && samePosition(current, step))) return current!;
    const { selected: _s, dragging: _d, measured, handles, ...rest } = step;
    const node: StepNode = { ...rest };
    if (current?.selected) node.selected = true;
    // React Flow's measurement of the present card wins; else the snapshot's size, with its
    // estimated handles when that size was the estimate (lib/node-handles.ts).
    if (current?.measured && !current.handles) node.measured = current.measured;
    else {
      if (measured) node.measured = measured;
      if (handles) node.handles = handles;
    }
    return node;
  });
  const edges = target.edges.map((edge) => {
    const current = edgesNow.get(edge.id);
    if (current === edge || (current && sameEdge(current, edge))) return current!;
    const { selected: _s, ...rest } = edge;
    return current?.selected ? { ...rest, selected: true } : rest;
  });
  return { base: target.base, steps, edges };
}

function sameEdge(a: FlowEdge, b: FlowEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.sourceHandle === b.sourceHandle &&
    a.targetHandle === b.targetHandle &&
    a.data?.condition === b.data?.condition &&
    a.data?.fromPortNamed === b.data?.fromPortNamed &&
    a.data?.toPortNamed === b.data?.toPortNamed
  );
}
