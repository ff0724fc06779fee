/** Pure changes of the document (Doc in, Doc out) shared by several actions. */
import type { XYPosition } from "@xyflow/react";
import type { Edge } from "@/shared/segment";
import { connectionProblem, conditionForNewEdge, handleFor, type ConnectionGraph } from "../lib/connection-rules";
import {
  DEFAULT_SOURCE_HANDLE,
  DEFAULT_TARGET_HANDLE,
  edgeToFlow,
  type FlowEdge,
  type StepNode,
  type StepUiExtras,
} from "../lib/flow-convert";
import { groupOf, readGroups, withGroups } from "../lib/groups";
import type { Doc } from "./history";

export const graphOf = (doc: Doc): ConnectionGraph => ({ steps: new Map(doc.steps.map((s) => [s.id, s])), edges: doc.edges });

/** A new edge between existing steps (no checks): handles default to the types' first ports. */
export function newEdge(doc: Doc, from: StepNode, to: StepNode, sourceHandle?: string | null, targetHandle?: string | null): FlowEdge {
  const source = handleFor(from, sourceHandle, "output");
  const target = handleFor(to, targetHandle, "input");
  const edge: Edge = { from_step: from.id, to_step: to.id };
  if (source !== DEFAULT_SOURCE_HANDLE) edge.from_port = source;
  if (target !== DEFAULT_TARGET_HANDLE) edge.to_port = target;
  const condition = conditionForNewEdge(from, source);
  if (condition !== undefined) edge.condition = condition;
  return edgeToFlow(edge, new Set(doc.edges.map((e) => e.id)));
}

/** The doc with the edge added, or why not. */
export function connected(
  doc: Doc,
  connection: { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null },
): { ok: true; doc: Doc; edge: FlowEdge } | { ok: false; reason: string } {
  const graph = graphOf(doc);
  const reason = connectionProblem(graph, {
    source: connection.source,
    target: connection.target,
    sourceHandle: connection.sourceHandle ?? null,
    targetHandle: connection.targetHandle ?? null,
  });
  if (reason !== null) return { ok: false, reason };
  const edge = newEdge(doc, graph.steps.get(connection.source)!, graph.steps.get(connection.target)!, connection.sourceHandle, connection.targetHandle);
  return { ok: true, doc: { ...doc, edges: [...doc.edges, edge] }, edge };
}

/** The step with `ui.group` set (or removed, undefined); uiExtras that end up empty are dropped. */
export function withGroup(step: StepNode, groupId: string | undefined): StepNode {
  if (groupOf(step) === groupId) return step;
  const { group: _group, ...others } = step.data.uiExtras ?? {};
  const extras: StepUiExtras | undefined = groupId === undefined ? others : { ...others, group: groupId };
  const data = { ...step.data };
  if (extras && Object.keys(extras).length > 0) data.uiExtras = extras;
  else delete data.uiExtras;
  return { ...step, data };
}

/**
 * Removes steps (with their edges), edges and groups (their members stay, ungrouped).
 * A group left without members by this removal goes too.
 */
export function withoutElements(
  doc: Doc,
  remove: { stepIds?: Iterable<string>; edgeIds?: Iterable<string>; groupIds?: Iterable<string> },
): Doc {
  const stepIds = new Set(remove.stepIds ?? []);
  const edgeIds = new Set(remove.edgeIds ?? []);
  const groupIds = new Set(remove.groupIds ?? []);
  const groups = readGroups(doc.base.metadata);
  const hadMembers = new Set<string>();
  const keepsMembers = new Set<string>();
  let steps = doc.steps;
  if (stepIds.size > 0 || groupIds.size > 0) {
    steps = [];
    for (const step of doc.steps) {
      const group = groupOf(step);
      if (group !== undefined) hadMembers.add(group);
      if (stepIds.has(step.id)) continue;
      if (group !== undefined && !groupIds.has(group)) keepsMembers.add(group);
      steps.push(group !== undefined && groupIds.has(group) ? withGroup(step, undefined) : step);
    }
  }
  const edges =
    stepIds.size > 0 || edgeIds.size > 0
      ? doc.edges.filter((e) => !edgeIds.has(e.id) && !stepIds.has(e.source) && !stepIds.has(e.target))
      : doc.edges;
  const remaining = groups.filter((g) => !groupIds.has(g.group_id) && (!hadMembers.has(g.group_id) || keepsMembers.has(g.group_id)));
  const base = remaining.length === groups.length ? doc.base : withGroups(doc.base, remaining);
  return { base, steps, edges };
}

/** Steps moved to the given positions (others untouched). */
export function moved(doc: Doc, positions: ReadonlyMap<string, XYPosition>): Doc {
  let changed = false;
  const steps = doc.steps.map((step) => {
    const to = positions.get(step.id);
    if (!to || (to.x === step.position.x && to.y === step.position.y)) return step;
    changed = true;
    return { ...step, position: { x: to.x, y: to.y } };
  });
  return changed ? { ...doc, steps } : doc;
}

/** The doc with one step replaced by `update(step)` (same doc when it returns the same step). */
export function withStep(doc: Doc, stepId: string, update: (step: StepNode) => StepNode): Doc {
  const index = doc.steps.findIndex((s) => s.id === stepId);
  if (index < 0) return doc;
  const next = update(doc.steps[index]!);
  if (next === doc.steps[index]) return doc;
  const steps = doc.steps.slice();
  steps[index] = next;
  return { ...doc, steps };
}
