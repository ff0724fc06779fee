import { describe, expect, it } from "vitest";
import { builtinCatalog } from "@/shared/catalog";
import { STEP_ID_PATTERN } from "@/shared/segment";
import { validateSegment } from "@/shared/validation";
import { createEditorStore } from "@/features/editor/store/create-editor-store";
import { richSegment } from "./fixtures";
import { edgeEnds, emptyStore, segmentOf, stepIdsOf, stepNode, stepOf, triage, triageStore } from "./store-helpers";

describe("addStep", () => {
  it("adds a step of the type at the position with a fresh id, selects it, and the segment has it", () => {
    const store = triageStore();
    store.getState().selectStep("classify");
    const id = store.getState().addStep("transform", { x: 100, y: 400 });
    expect(id).toBe("transform");
    const state = store.getState();
    expect(state.selectedStepId).toBe("transform");
    expect(state.selectedStepIds()).toEqual(["transform"]);
    expect(stepOf(store, "transform")).toEqual({ step_id: "transform", type: "transform", config: { expression: "" }, ui: { x: 100, y: 400 } });
  });

  it("ids follow the type: transform, transform_2, transform_3 — all valid step ids", () => {
    const store = emptyStore();
    const ids = [0, 1, 2].map((i) => store.getState().addStep("transform", { x: i * 300, y: 0 }));
    expect(ids).toEqual(["transform", "transform_2", "transform_3"]);
    for (const id of ids) expect(id).toMatch(STEP_ID_PATTERN);
  });

  it("uses the catalog's defaults when {} is a valid config, else the required fields left empty for validation to flag", () => {
    const store = emptyStore();
    for (const type of builtinCatalog.typeIds()) store.getState().addStep(type, { x: 0, y: 0 });
    const segment = segmentOf(store);
    const agent = segment.steps.find((s) => s.type === "llm_agent")!;
    expect(agent.config).toMatchObject({ llm_ref: "", temperature: 0.7 });
    const http = segment.steps.find((s) => s.type === "http_request")!;
    expect(http.config).toMatchObject({ method: "GET", url: "" });
    const problems = validateSegment(segment).problems;
    expect(problems.some((p) => p.code === "invalid_config" && p.step_id === agent.step_id)).toBe(true);
    // Nothing is unknown to the catalog: only missing values are reported.
    expect(problems.some((p) => p.code === "unknown_key" || p.code === "unknown_step_type")).toBe(false);
  });

  it("the first step of an empty segment becomes the entrypoint; later ones do not", () => {
    const store = emptyStore();
    const first = store.getState().addStep("llm_agent", { x: 0, y: 0 });
    store.getState().addStep("transform", { x: 300, y: 0 });
    expect(store.getState().base.entrypoint).toBe(first);
  });

  it("connectFrom connects the given port of an existing step to the new step", () => {
    const store = triageStore();
    const id = store.getState().addStep("transform", { x: 0, y: 500 }, { connectFrom: { stepId: "is_urgent", port: "false" } });
    const edge = segmentOf(store).edges.find((e) => e.to_step === id);
    expect(edge).toEqual({ from_step: "is_urgent", to_step: id, from_port: "false", condition: "output = false" });
  });

  it("one history entry and one revision per add", () => {
    const store = triageStore();
    const before = store.getState().revision;
    store.getState().addStep("transform", { x: 0, y: 0 }, { connectFrom: { stepId: "brief" } });
    expect(store.getState().revision).toBe(before + 1);
    store.getState().undo();
    expect(segmentOf(store)).toStrictEqual(triage());
    expect(store.getState().canUndo).toBe(false);
  });
});

describe("updateStepConfig / updateStep", () => {
  it("replaces the whole config", () => {
    const store = triageStore();
    store.getState().updateStepConfig("is_urgent", { expression: "step_input.urgent" });
    expect(stepOf(store, "is_urgent")?.config).toEqual({ expression: "step_input.urgent" });
  });

  it("the same config object again is not a change (no revision, no history)", () => {
    const store = triageStore();
    const config = stepNode(store, "brief")!.data.step.config;
    store.getState().updateStepConfig("brief", config);
    expect(store.getState().revision).toBe(0);
    expect(store.getState().canUndo).toBe(false);
  });

  it("sets and removes name, retry, timeout_seconds, on_error; leaves the rest alone", () => {
    const store = triageStore();
    store.getState().updateStep("brief", { name: "Brief", timeout_seconds: 12, on_error: "continue", retry: { max_attempts: 2 } });
    expect(stepOf(store, "brief")).toMatchObject({ name: "Brief", timeout_seconds: 12, on_error: "continue", retry: { max_attempts: 2 } });
    store.getState().updateStep("brief", { name: undefined, retry: undefined });
    const step = stepOf(store, "brief")!;
    expect(step).not.toHaveProperty("name");
    expect(step).not.toHaveProperty("retry");
    expect(step.timeout_seconds).toBe(12);
    expect(step.config).toEqual(triage().steps.find((s) => s.step_id === "brief")!.config);
  });

  it("unknown step: nothing happens", () => {
    const store = triageStore();
    store.getState().updateStepConfig("nope", {});
    store.getState().updateStep("nope", { name: "x" });
    expect(store.getState().revision).toBe(0);
  });
});

describe("renameStep", () => {
  it("renames the step; edges, entrypoint and the selection follow", () => {
    const store = triageStore();
    store.getState().selectStep("classify");
    expect(store.getState().renameStep("classify", "triage")).toEqual({ ok: true });
    const segment = segmentOf(store);
    expect(segment.entrypoint).toBe("triage");
    expect(segment.steps[0]?.step_id).toBe("triage");
    expect(edgeEnds(segment)[0]).toBe("triage->is_urgent");
    expect(store.getState().selectedStepId).toBe("triage");
    expect(validateSegment(segment).problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("refuses a taken id, an invalid id and an empty id, with a reason, changing nothing", () => {
    const store = triageStore();
    const taken = store.getState().renameStep("classify", "brief");
    expect(taken).toEqual({ ok: false, reason: expect.stringContaining("already") });
    const invalid = store.getState().renameStep("classify", "has space");
    expect(invalid).toEqual({ ok: false, reason: expect.stringContaining("letters, digits") });
    expect(store.getState().renameStep("classify", "")).toMatchObject({ ok: false });
    expect(store.getState().renameStep("ghost", "x")).toMatchObject({ ok: false });
    expect(segmentOf(store)).toStrictEqual(triage());
    expect(store.getState().canUndo).toBe(false);
  });
});

describe("setEdgeCondition", () => {
  it("sets, replaces and removes (null or blank) the condition", () => {
    const store = triageStore();
    const id = store.getState().edges[0]!.id;
    store.getState().setEdgeCondition(id, "output.urgent");
    expect(segmentOf(store).edges[0]).toEqual({ from_step: "classify", to_step: "is_urgent", condition: "output.urgent" });
    store.getState().setEdgeCondition(id, "  ");
    expect(segmentOf(store).edges[0]).not.toHaveProperty("condition");
    store.getState().setEdgeCondition(id, "x");
    store.getState().setEdgeCondition(id, null);
    expect(segmentOf(store).edges[0]).not.toHaveProperty("condition");
  });
});

describe("deleteElements / deleteSelection", () => {
  it("deleting a step removes its edges too", () => {
    const store = triageStore();
    store.getState().deleteElements({ stepIds: ["brief"] });
    expect(stepIdsOf(store)).toEqual(["classify", "is_urgent", "escalate", "auto_reply"]);
    expect(edgeEnds(segmentOf(store))).toEqual(["classify->is_urgent", "is_urgent->auto_reply"]);
  });

  it("deletes edges by id", () => {
    const store = triageStore();
    store.getState().deleteElements({ edgeIds: [store.getState().edges[2]!.id] });
    expect(edgeEnds(segmentOf(store))).toEqual(["classify->is_urgent", "is_urgent->brief", "is_urgent->auto_reply"]);
  });

  it("deleteSelection removes the selected steps and edges in one undoable step and clears the selection", () => {
    const store = triageStore();
    const edgeId = store.getState().edges[0]!.id;
    store.getState().selectSteps(["escalate", "auto_reply"]);
    store.getState().onEdgesChange([{ type: "select", id: edgeId, selected: true }]);
    store.getState().deleteSelection();
    expect(stepIdsOf(store)).toEqual(["classify", "is_urgent", "brief"]);
    expect(edgeEnds(segmentOf(store))).toEqual(["is_urgent->brief"]);
    expect(store.getState().selectedStepId).toBeNull();
    expect(store.getState().selectedEdgeId).toBeNull();
    store.getState().undo();
    expect(segmentOf(store)).toStrictEqual(triage());
  });

  it("React Flow's delete (edges first, then nodes) is one history entry", () => {
    const store = triageStore();
    const connected = store.getState().edges.filter((e) => e.source === "brief" || e.target === "brief");
    store.getState().onEdgesChange(connected.map((e) => ({ type: "remove", id: e.id })));
    store.getState().onNodesChange([{ type: "remove", id: "brief" }]);
    expect(stepIdsOf(store)).not.toContain("brief");
    store.getState().undo();
    expect(segmentOf(store)).toStrictEqual(triage());
    expect(store.getState().canUndo).toBe(false);
  });

  it("removing an edge with React Flow alone is its own entry", () => {
    const store = triageStore();
    store.getState().onEdgesChange([{ type: "remove", id: store.getState().edges[0]!.id }]);
    store.getState().selectStep("brief");
    store.getState().onNodesChange([{ type: "remove", id: "brief" }]);
    store.getState().undo();
    expect(stepIdsOf(store)).toContain("brief");
    expect(segmentOf(store).edges).toHaveLength(3);
    store.getState().undo();
    expect(segmentOf(store)).toStrictEqual(triage());
  });
});

describe("segment fields", () => {
  it("updateBase changes name/description/input_schema/metadata; undefined removes; segment_id stays", () => {
    const store = triageStore();
    store.getState().updateBase({ name: "Triage", description: undefined, metadata: { tags: [] } });
    const segment = segmentOf(store);
    expect(segment.name).toBe("Triage");
    expect(segment).not.toHaveProperty("description");
    expect(segment.metadata).toEqual({ tags: [] });
    expect(segment.segment_id).toBe("support-triage");
  });

  it("updateBase keeps the editor's metadata.ui (groups) when the patch does not mention ui", () => {
    const store = createEditorStore(richSegment());
    store.getState().createGroup(["start"], "Start");
    store.getState().updateBase({ metadata: { tags: ["b"] } });
    expect(segmentOf(store).metadata).toEqual({ tags: ["b"], ui: { groups: [{ group_id: "group", label: "Start", collapsed: false }] } });
  });

  it("setEntrypoint sets an existing step; an unknown one is ignored", () => {
    const store = triageStore();
    store.getState().setEntrypoint("brief");
    expect(segmentOf(store).entrypoint).toBe("brief");
    store.getState().setEntrypoint("ghost");
    expect(segmentOf(store).entrypoint).toBe("brief");
  });
});

describe("applyPositions and replaceSegment", () => {
  it("applyPositions moves the given steps only, one entry", () => {
    const store = triageStore();
    store.getState().applyPositions(new Map([["classify", { x: 1, y: 2 }], ["brief", { x: 3, y: 4 }]]));
    expect(stepOf(store, "classify")?.ui).toEqual({ x: 1, y: 2 });
    expect(stepOf(store, "brief")?.ui).toEqual({ x: 3, y: 4 });
    expect(stepOf(store, "escalate")?.ui).toEqual({ x: 1020, y: 0 });
    store.getState().undo();
    expect(segmentOf(store)).toStrictEqual(triage());
  });

  it("replaceSegment shows the new document; with resetHistory there is nothing to undo", () => {
    const store = triageStore();
    store.getState().addStep("delay", { x: 0, y: 0 });
    store.getState().replaceSegment(richSegment(), { resetHistory: true });
    expect(segmentOf(store)).toStrictEqual(richSegment());
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().canRedo).toBe(false);
    expect(store.getState().selectedStepId).toBeNull();
  });
});
