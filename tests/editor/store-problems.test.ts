import { describe, expect, it } from "vitest";
import { validateSegment } from "@/shared/validation";
import { createEditorStore } from "@/features/editor/store/create-editor-store";
import { groupedSegment } from "./fixtures";
import { segmentOf, triageStore } from "./store-helpers";

describe("problems", () => {
  it("setProblems indexes problems by step_id and by the FlowEdge id at the problem's edge index", () => {
    const store = triageStore();
    // A broken expression (a problem on a step) and a loop back to the start (a problem on an edge).
    store.getState().updateStepConfig("brief", { expression: "{{" });
    store.getState().deleteElements({ stepIds: ["escalate"] });
    const segment = segmentOf(store);
    segment.edges.push({ from_step: "auto_reply", to_step: "classify" });
    store.getState().replaceSegment(segment);
    const problems = validateSegment(segmentOf(store)).problems;
    store.getState().setProblems(problems);
    const state = store.getState();
    expect(state.problems).toBe(problems);
    expect(state.problemsByStep.get("brief")?.map((p) => p.code)).toContain("invalid_expression");
    const edgeProblem = problems.find((p) => p.edge !== undefined)!;
    const edgeId = state.edges[edgeProblem.edge!.index]!.id;
    expect(state.edges[edgeProblem.edge!.index]).toMatchObject({ source: edgeProblem.edge!.from_step, target: edgeProblem.edge!.to_step });
    expect(state.problemsByEdge.get(edgeId)).toContain(edgeProblem);
  });

  it("edge problems map to the right edge while a collapsed group redraws edges", () => {
    const store = createEditorStore(groupedSegment());
    const problem = { code: "cycle" as const, message: "m", severity: "error" as const, edge: { index: 3, from_step: "summarize", to_step: "publish" } };
    store.getState().setProblems([problem]);
    const [id] = [...store.getState().problemsByEdge.keys()];
    expect(id).toBe(store.getState().edges[3]!.id);
  });

  it("setProblems([]) clears the indexes", () => {
    const store = triageStore();
    store.getState().setProblems([{ code: "cycle", message: "m", severity: "error", step_id: "brief" }]);
    store.getState().setProblems([]);
    expect(store.getState().problemsByStep.size).toBe(0);
  });

  it("requestFocus sets a request with a new nonce each time (the same target twice still refocuses)", () => {
    const store = triageStore();
    store.getState().requestFocus({ kind: "step", id: "brief" });
    const first = store.getState().focusRequest!;
    store.getState().requestFocus({ kind: "step", id: "brief" });
    const second = store.getState().focusRequest!;
    expect(first).toMatchObject({ kind: "step", id: "brief" });
    expect(second.nonce).not.toBe(first.nonce);
    store.getState().clearFocusRequest();
    expect(store.getState().focusRequest).toBeNull();
  });
});

describe("selection of several steps", () => {
  it("selectSteps selects exactly those (known) steps, unselects edges; selectedStepIds lists them", () => {
    const store = triageStore();
    store.getState().selectEdge(store.getState().edges[0]!.id);
    store.getState().selectSteps(["brief", "ghost", "classify"]);
    const state = store.getState();
    expect(state.selectedStepIds()).toEqual(["classify", "brief"]);
    expect(state.selectedStepId).toBe("brief");
    expect(state.selectedEdgeId).toBeNull();
    expect(state.edges.some((e) => e.selected)).toBe(false);
    store.getState().selectSteps([]);
    expect(store.getState().selectedStepIds()).toEqual([]);
    expect(store.getState().selectedStepId).toBeNull();
  });
});
