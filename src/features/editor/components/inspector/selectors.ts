/**
 * Store selectors of the inspector. Each returns a value that keeps its identity while the
 * thing it reads is unchanged (a step object, a list of strings compared shallowly), so the
 * inspector re-renders only when what it shows changes, even on a 500-step segment.
 */
import type { Problem } from "@/shared/validation";
import { isStepNode, type EditorNode, type FlowEdge } from "../../lib/flow-convert";
import type { EditorState } from "../../store";

const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

/** The step (contract fields, minus ui) behind a node id; the same object until it changes. */
export function stepById(state: EditorState, stepId: string) {
  const node = state.nodes.find((n) => n.id === stepId);
  return node && isStepNode(node) ? node.data.step : undefined;
}

export function edgeById(state: EditorState, edgeId: string): FlowEdge | undefined {
  return state.edges.find((e) => e.id === edgeId);
}

export const stepProblems = (state: EditorState, stepId: string): readonly Problem[] =>
  state.problemsByStep.get(stepId) ?? NO_PROBLEMS;

export const edgeProblems = (state: EditorState, edgeId: string): readonly Problem[] =>
  state.problemsByEdge.get(edgeId) ?? NO_PROBLEMS;

/** How many steps are selected (React Flow's multi-selection). */
export function selectedStepCount(nodes: readonly EditorNode[]): number {
  let count = 0;
  for (const node of nodes) if (node.selected && isStepNode(node)) count++;
  return count;
}

/** Display name of a step (its name, else its id); "" when absent. Compare with ===. */
export function stepName(state: EditorState, stepId: string | undefined): string {
  if (stepId === undefined) return "";
  const step = stepById(state, stepId);
  return step?.name ?? stepId;
}

/** Edges touching a step (use with useShallow: a new array only when one of them changes). */
export function edgesOf(state: EditorState, stepId: string): FlowEdge[] {
  return state.edges.filter((e) => e.source === stepId || e.target === stepId);
}

/** `id`, `name` pairs of every step, flattened (for useShallow): [id0, name0, id1, name1, …]. */
export function stepChoices(state: EditorState): string[] {
  const out: string[] = [];
  for (const node of state.nodes) if (isStepNode(node)) out.push(node.id, node.data.step.name ?? "");
  return out;
}

/** The step ids, read on demand (autocomplete) rather than subscribed to. */
export function stepIdsOf(state: EditorState): string[] {
  return state.nodes.filter(isStepNode).map((n) => n.id);
}

/** Names of the run input's fields, from the segment's input_schema. */
export function inputFieldNames(state: EditorState): string[] {
  const properties = state.base.input_schema?.properties;
  return properties && typeof properties === "object" && !Array.isArray(properties) ? Object.keys(properties) : [];
}
