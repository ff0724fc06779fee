/**
 * Undoable edits of steps and edges: add, configure, rename, delete, move, replace. The
 * clipboard, group and reconnect actions live in their own files and are merged into this slice.
 */
import { isStepNode, segmentBase, STEP_NODE_TYPE, toFlow, type StepNode } from "../lib/flow-convert";
import { defaultConfig } from "../lib/default-config";
import { arrangeFlow } from "../lib/groups";
import { stepIdProblem, uniqueStepId } from "../lib/step-ids";
import { createClipboardActions } from "./clipboard-actions";
import { createGroupActions } from "./group-actions";
import { createReconnectActions } from "./reconnect-actions";
import type { Doc } from "./history";
import { withoutSelectedEdges, withSelectedSteps, type StoreKit } from "./kit";
import { connected, moved, withoutElements, withStep } from "./operations";
import type { EditingSlice } from "./types";

type StepPatch = Parameters<EditingSlice["updateStep"]>[1];

export function createEditingSlice(kit: StoreKit): EditingSlice {
  const { get } = kit;
  return {
    addStep: (type, position, options) => {
      const doc = kit.doc();
      const id = uniqueStepId(type, new Set(doc.steps.map((s) => s.id)));
      const node: StepNode = {
        id,
        type: STEP_NODE_TYPE,
        position: { x: position.x, y: position.y },
        data: { step: { step_id: id, type, config: defaultConfig(type) } },
        selected: true,
      };
      const firstStep = doc.steps.length === 0 || doc.base.entrypoint === "";
      let next: Doc = {
        base: firstStep ? { ...doc.base, entrypoint: id } : doc.base,
        steps: [...withSelectedSteps(doc.steps, new Set()), node],
        edges: withoutSelectedEdges(doc.edges),
      };
      const from = options?.connectFrom;
      const to = options?.connectTo;
      const link = from
        ? { source: from.stepId, sourceHandle: from.port ?? null, target: id, targetHandle: from.newPort ?? null }
        : to
          ? { source: id, sourceHandle: to.newPort ?? null, target: to.stepId, targetHandle: to.port ?? null }
          : null;
      if (link) {
        const result = connected(next, link);
        if (result.ok) next = result.doc;
      }
      kit.commit(next, { extra: { selectedStepId: id, selectedEdgeId: null } });
      return id;
    },

    updateStepConfig: (stepId, config) => {
      const doc = kit.doc();
      kit.commit(
        withStep(doc, stepId, (node) =>
          node.data.step.config === config ? node : { ...node, data: { ...node.data, step: { ...node.data.step, config } } },
        ),
      );
    },

    updateStep: (stepId, patch) => {
      const doc = kit.doc();
      kit.commit(withStep(doc, stepId, (node) => patchedStep(node, patch)));
    },

    renameStep: (stepId, newId) => {
      const doc = kit.doc();
      if (newId === stepId) return { ok: true };
      if (!doc.steps.some((s) => s.id === stepId)) return { ok: false, reason: `There is no step “${stepId}”.` };
      const problem = stepIdProblem(newId, new Set(doc.steps.map((s) => s.id)));
      if (problem !== null) return { ok: false, reason: problem };
      const renamed = (id: string) => (id === stepId ? newId : id);
      const steps = doc.steps.map((node) =>
        node.id === stepId ? { ...node, id: newId, data: { ...node.data, step: { ...node.data.step, step_id: newId } } } : node,
      );
      const edges = doc.edges.map((e) =>
        e.source === stepId || e.target === stepId ? { ...e, source: renamed(e.source), target: renamed(e.target) } : e,
      );
      const base = doc.base.entrypoint === stepId ? { ...doc.base, entrypoint: newId } : doc.base;
      const state = get();
      kit.commit({ base, steps, edges }, { extra: { selectedStepId: state.selectedStepId === stepId ? newId : state.selectedStepId } });
      return { ok: true };
    },

    setEdgeCondition: (edgeId, condition) => {
      const doc = kit.doc();
      const index = doc.edges.findIndex((e) => e.id === edgeId);
      const edge = doc.edges[index];
      if (!edge) return;
      const value = condition === null || condition.trim() === "" ? undefined : condition;
      if (edge.data?.condition === value) return;
      const { condition: _old, ...data } = edge.data ?? {};
      const edges = doc.edges.slice();
      edges[index] = { ...edge, data: value === undefined ? data : { ...data, condition: value } };
      kit.commit({ ...doc, edges });
    },

    deleteElements: ({ stepIds, edgeIds }) => {
      kit.commit(withoutElements(kit.doc(), { stepIds, edgeIds }));
    },

    deleteSelection: () => {
      const state = get();
      const stepIds: string[] = [];
      const groupIds: string[] = [];
      for (const node of state.nodes) {
        if (!node.selected) continue;
        if (isStepNode(node)) {
          if (!node.hidden) stepIds.push(node.id);
        } else groupIds.push(node.data.group_id);
      }
      const edgeIds = state.edges.filter((e) => e.selected).map((e) => e.id);
      kit.commit(withoutElements(kit.doc(), { stepIds, edgeIds, groupIds }));
    },

    applyPositions: (positions) => {
      kit.commit(moved(kit.doc(), positions));
    },

    replaceSegment: (segment, options) => {
      const flow = toFlow(segment);
      const next: Doc = { base: segmentBase(segment), steps: flow.nodes.filter(isStepNode), edges: flow.edges };
      const cleared = { selectedStepId: null, selectedEdgeId: null };
      if (!options?.resetHistory) {
        kit.commit(next, { extra: cleared });
        return;
      }
      kit.history.clear();
      const shown = arrangeFlow(next.base, next.steps, next.edges);
      kit.set({ base: next.base, ...shown, ...cleared, revision: get().revision + 1, ...kit.history.flags });
    },

    ...createClipboardActions(kit),
    ...createGroupActions(kit),
    ...createReconnectActions(kit),
  };
}

function patchedStep(node: StepNode, patch: StepPatch): StepNode {
  const step: Record<string, unknown> = { ...node.data.step };
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) {
      if (key in step) {
        delete step[key];
        changed = true;
      }
    } else if (step[key] !== value) {
      step[key] = value;
      changed = true;
    }
  }
  return changed ? { ...node, data: { ...node.data, step: step as StepNode["data"]["step"] } } : node;
}
