import type { EdgeChange, NodeChange } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import type { FlowEdge, StepNode } from "@/features/editor/lib/flow-convert";
import { createEditorStore, selectSegment } from "@/features/editor/store/create-editor-store";
import { selectionAfterChanges } from "@/features/editor/store/selection-slice";
import { parsed, richSegment, seededExamples } from "./fixtures";

const triage = () => parsed(seededExamples()["support-triage"]);
const select = (id: string, selected: boolean): NodeChange<StepNode> => ({ type: "select", id, selected });
const selectEdge = (id: string, selected: boolean): EdgeChange<FlowEdge> => ({ type: "select", id, selected });

describe("createEditorStore", () => {
  it("starts from the segment: base fields, one node per step, one edge per edge, nothing selected", () => {
    const store = createEditorStore(triage());
    const state = store.getState();
    expect(state.base.segment_id).toBe("support-triage");
    expect(state.base).not.toHaveProperty("steps");
    expect(state.nodes.map((n) => n.id)).toEqual(["classify", "is_urgent", "escalate", "auto_reply", "brief"]);
    expect(state.edges).toHaveLength(4);
    expect(state.selectedStepId).toBeNull();
    expect(state.selectedEdgeId).toBeNull();
  });

  it("selectSegment gives back the segment it was created from", () => {
    const segment = richSegment();
    expect(selectSegment(createEditorStore(segment).getState())).toStrictEqual(segment);
  });

  it("one-store-per-editor: two stores never share state", () => {
    const a = createEditorStore(triage());
    const b = createEditorStore(triage());
    a.getState().onNodesChange([{ type: "position", id: "classify", position: { x: 48, y: 48 } }]);
    a.getState().selectStep("escalate");
    expect(b.getState().nodes[0]?.position).toEqual({ x: 0, y: 120 });
    expect(b.getState().selectedStepId).toBeNull();
  });
});

describe("canvas slice", () => {
  it("node-drag-updates-position: a position change moves that node only and shows up in the segment", () => {
    const store = createEditorStore(triage());
    const before = store.getState().nodes;
    store.getState().onNodesChange([{ type: "position", id: "is_urgent", position: { x: 320, y: 144 }, dragging: true }]);
    const after = store.getState().nodes;
    expect(after[1]?.position).toEqual({ x: 320, y: 144 });
    expect(after[0]).toBe(before[0]);
    expect(after[1]?.data).toBe(before[1]?.data);
    const step = selectSegment(store.getState()).steps.find((s) => s.step_id === "is_urgent");
    expect(step?.ui).toStrictEqual({ x: 320, y: 144 });
  });

  it("measuring nodes (dimension changes) does not touch the segment or the selection", () => {
    const segment = triage();
    const store = createEditorStore(segment);
    store.getState().selectStep("classify");
    store
      .getState()
      .onNodesChange([{ type: "dimensions", id: "classify", dimensions: { width: 232, height: 90 }, setAttributes: true }]);
    expect(store.getState().selectedStepId).toBe("classify");
    expect(store.getState().nodes[0]?.measured).toEqual({ width: 232, height: 90 });
    expect(selectSegment(store.getState())).toStrictEqual(segment);
  });

  it("edge changes are applied (select)", () => {
    const store = createEditorStore(triage());
    const id = store.getState().edges[1]!.id;
    store.getState().onEdgesChange([selectEdge(id, true)]);
    expect(store.getState().edges[1]?.selected).toBe(true);
    expect(store.getState().selectedEdgeId).toBe(id);
  });
});

describe("selection slice", () => {
  it("click-select: React Flow's select changes set and clear the selected step", () => {
    const store = createEditorStore(triage());
    store.getState().onNodesChange([select("escalate", true)]);
    expect(store.getState().selectedStepId).toBe("escalate");
    store.getState().onNodesChange([select("escalate", false), select("auto_reply", true)]);
    expect(store.getState().selectedStepId).toBe("auto_reply");
    store.getState().onNodesChange([select("auto_reply", false)]);
    expect(store.getState().selectedStepId).toBeNull();
  });

  it("selectStep sets the flags on the canvas too, and unselects edges", () => {
    const store = createEditorStore(triage());
    const edgeId = store.getState().edges[0]!.id;
    store.getState().selectEdge(edgeId);
    expect(store.getState().selectedEdgeId).toBe(edgeId);
    store.getState().selectStep("is_urgent");
    const { nodes, edges, selectedStepId, selectedEdgeId } = store.getState();
    expect(selectedStepId).toBe("is_urgent");
    expect(selectedEdgeId).toBeNull();
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(["is_urgent"]);
    expect(edges.some((e) => e.selected)).toBe(false);
  });

  it("select-unknown-step selects nothing instead of a ghost", () => {
    const store = createEditorStore(triage());
    store.getState().selectStep("classify");
    store.getState().selectStep("nope");
    expect(store.getState().selectedStepId).toBeNull();
    expect(store.getState().nodes.some((n) => n.selected)).toBe(false);
  });

  it("clearSelection unselects everything; unchanged arrays keep their identity", () => {
    const store = createEditorStore(triage());
    const nodes = store.getState().nodes;
    store.getState().clearSelection();
    expect(store.getState().nodes).toBe(nodes);
    store.getState().selectStep("classify");
    store.getState().clearSelection();
    expect(store.getState().selectedStepId).toBeNull();
    expect(store.getState().nodes.some((n) => n.selected)).toBe(false);
  });

  it("selection never touches the saved segment", () => {
    const segment = triage();
    const store = createEditorStore(segment);
    store.getState().selectStep("escalate");
    expect(selectSegment(store.getState())).toStrictEqual(segment);
  });
});

describe("selectionAfterChanges", () => {
  const items = (selected: string[]) => ["a", "b", "c"].map((id) => ({ id, selected: selected.includes(id) }));

  it("ignores changes that are not about selection", () => {
    expect(selectionAfterChanges("a", [{ type: "position", id: "b" }], items([]))).toBe("a");
  });
  it("a newly selected item wins over the current one", () => {
    expect(selectionAfterChanges("a", [{ type: "select", id: "b", selected: true }], items(["a", "b"]))).toBe("b");
  });
  it("selected-step-removed: falls back to another selected item, then to null", () => {
    expect(selectionAfterChanges("a", [{ type: "remove", id: "a" }], items(["c"]))).toBe("c");
    expect(selectionAfterChanges("a", [{ type: "remove", id: "a" }], items([]))).toBeNull();
  });
});
