/**
 * The graph as React Flow sees it. Changes from React Flow (drag, measure, select) are
 * applied purely; selection changes are mirrored into the selection slice.
 */
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from "@xyflow/react";
import type { StateCreator } from "zustand/vanilla";
import type { FlowEdge, StepNode } from "../lib/flow-convert";
import { selectionAfterChanges } from "./selection-slice";
import type { EditorState } from "./types";

export type CanvasSlice = {
  nodes: StepNode[];
  edges: FlowEdge[];
  onNodesChange: (changes: NodeChange<StepNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<FlowEdge>[]) => void;
};

export const createCanvasSlice =
  (initial: { nodes: StepNode[]; edges: FlowEdge[] }): StateCreator<EditorState, [], [], CanvasSlice> =>
  (set) => ({
    nodes: initial.nodes,
    edges: initial.edges,
    onNodesChange: (changes) =>
      set((state) => {
        const nodes = applyNodeChanges(changes, state.nodes);
        const selectedStepId = selectionAfterChanges(state.selectedStepId, changes, nodes);
        return selectedStepId === state.selectedStepId ? { nodes } : { nodes, selectedStepId };
      }),
    onEdgesChange: (changes) =>
      set((state) => {
        const edges = applyEdgeChanges(changes, state.edges);
        const selectedEdgeId = selectionAfterChanges(state.selectedEdgeId, changes, edges);
        return selectedEdgeId === state.selectedEdgeId ? { edges } : { edges, selectedEdgeId };
      }),
  });
