import { describe, expect, it } from "vitest";
import { NOT_OURS } from "@/features/editor/lib/clipboard";
import { createEditorStore } from "@/features/editor/store/create-editor-store";
import { STEP_ID_PATTERN } from "@/shared/segment";
import { groupedSegment, noUiSegment, richSegment } from "./fixtures";
import { edgeEnds, emptyStore, segmentOf, stepIdsOf, stepOf, triage, triageStore } from "./store-helpers";

describe("copySelection", () => {
  it("null when nothing is selected", () => {
    expect(triageStore().getState().copySelection()).toBeNull();
  });

  it("the selected steps (contract shape, with ui) and only the edges between them", () => {
    const store = triageStore();
    store.getState().selectSteps(["is_urgent", "brief", "escalate"]);
    const doc = JSON.parse(store.getState().copySelection()!);
    expect(doc.llmteam_clipboard).toBe(1);
    expect(doc.steps).toEqual(triage().steps.filter((s) => ["is_urgent", "escalate", "brief"].includes(s.step_id)));
    expect(doc.edges).toEqual([
      { from_step: "is_urgent", to_step: "brief", from_port: "true", condition: "output = true" },
      { from_step: "brief", to_step: "escalate" },
    ]);
  });

  it("steps placed by the automatic layout are copied with the position they are shown at", () => {
    const store = createEditorStore(noUiSegment());
    store.getState().selectSteps(["a"]);
    const doc = JSON.parse(store.getState().copySelection()!);
    expect(doc.steps[0].ui).toEqual({ x: 0, y: 0 });
  });

  it("is pure: the document and history are untouched", () => {
    const store = triageStore();
    store.getState().selectSteps(["brief"]);
    store.getState().copySelection();
    expect(store.getState().canUndo).toBe(false);
    expect(segmentOf(store)).toStrictEqual(triage());
  });
});

describe("paste", () => {
  it("into the same segment: taken ids get fresh ones, edges follow, the copies are selected and placed at `at`", () => {
    const store = triageStore();
    store.getState().selectSteps(["is_urgent", "brief"]);
    const text = store.getState().copySelection()!;
    const result = store.getState().paste(text, { x: 2000, y: 1000 });
    expect(result).toEqual({ ok: true, value: { stepIds: ["is_urgent_2", "brief_2"] } });
    for (const id of ["is_urgent_2", "brief_2"]) expect(id).toMatch(STEP_ID_PATTERN);
    // The copies' bounding box starts at `at`; they keep their layout relative to each other.
    expect(stepOf(store, "is_urgent_2")?.ui).toEqual({ x: 2000, y: 1120 });
    expect(stepOf(store, "brief_2")?.ui).toEqual({ x: 2340, y: 1000 });
    expect(stepOf(store, "brief_2")?.config).toEqual(stepOf(store, "brief")?.config);
    expect(edgeEnds(segmentOf(store)).slice(-1)).toEqual(["is_urgent_2->brief_2"]);
    expect(store.getState().selectedStepIds()).toEqual(["is_urgent_2", "brief_2"]);
    // The originals are untouched.
    expect(stepIdsOf(store).slice(0, 5)).toEqual(triage().steps.map((s) => s.step_id));
  });

  it("pasting twice more gives _3 ids and does not stack copies on the same spot", () => {
    const store = triageStore();
    store.getState().selectSteps(["brief"]);
    const text = store.getState().copySelection()!;
    store.getState().paste(text);
    store.getState().paste(text);
    expect(stepIdsOf(store).slice(-2)).toEqual(["brief_2", "brief_3"]);
    expect(stepOf(store, "brief_2")?.ui).toEqual({ x: 712, y: 32 });
    expect(stepOf(store, "brief_3")?.ui).toEqual({ x: 744, y: 64 });
  });

  it("into another segment: free ids are kept", () => {
    const source = triageStore();
    source.getState().selectSteps(["classify", "is_urgent"]);
    const target = createEditorStore(richSegment());
    const result = target.getState().paste(source.getState().copySelection()!);
    expect(result).toEqual({ ok: true, value: { stepIds: ["classify", "is_urgent"] } });
    expect(edgeEnds(segmentOf(target)).at(-1)).toBe("classify->is_urgent");
  });

  it("a whole segment's JSON: its steps and edges; into an empty segment its entrypoint comes along", () => {
    const store = emptyStore();
    const result = store.getState().paste(JSON.stringify(triage()));
    expect(result.ok).toBe(true);
    const segment = segmentOf(store);
    expect(segment.entrypoint).toBe("classify");
    expect(segment.steps.map((s) => s.step_id)).toEqual(triage().steps.map((s) => s.step_id));
    expect(segment.edges).toEqual(triage().edges);
  });

  it("a segment whose steps have no ui gets them laid out", () => {
    const store = emptyStore();
    store.getState().paste(JSON.stringify(noUiSegment()), { x: 0, y: 0 });
    const xs = segmentOf(store).steps.map((s) => s.ui?.x);
    expect(new Set(xs).size).toBeGreaterThan(1);
  });

  it("refuses text that is not ours with a reason, changing nothing", () => {
    const store = triageStore();
    for (const text of ["hello", "{}", "[1,2]", '{"steps": []}', '{"llmteam_clipboard": 1, "steps": []}']) {
      const result = store.getState().paste(text);
      expect(result.ok).toBe(false);
    }
    expect(store.getState().paste("hello")).toEqual({ ok: false, reason: NOT_OURS });
    expect(store.getState().paste('{"llmteam_clipboard": 1, "steps": [{"step_id": "x"}]}')).toEqual({
      ok: false,
      reason: expect.stringContaining("“x” is not a valid step"),
    });
    expect(store.getState().paste('{"llmteam_clipboard": 2, "steps": []}')).toMatchObject({ ok: false, reason: expect.stringContaining("newer") });
    expect(store.getState().canUndo).toBe(false);
    expect(segmentOf(store)).toStrictEqual(triage());
  });

  it("pasted steps leave their group behind (the frame would stretch to wherever they land)", () => {
    const store = createEditorStore(groupedSegment());
    store.getState().selectSteps(["fetch"]);
    store.getState().paste(store.getState().copySelection()!, { x: 0, y: 900 });
    expect(stepOf(store, "fetch_2")?.ui).toEqual({ x: 0, y: 900 });
  });
});

describe("duplicateSelection", () => {
  it("copies the selected steps and the edges between them next to the originals and selects the copies", () => {
    const store = triageStore();
    store.getState().selectSteps(["brief", "escalate"]);
    const ids = store.getState().duplicateSelection();
    expect(ids).toEqual(["escalate_2", "brief_2"]);
    expect(stepOf(store, "brief_2")?.ui).toEqual({ x: 712, y: 32 });
    expect(edgeEnds(segmentOf(store)).at(-1)).toBe("brief_2->escalate_2");
    expect(store.getState().selectedStepIds()).toEqual(ids);
  });

  it("nothing selected: nothing happens", () => {
    const store = triageStore();
    expect(store.getState().duplicateSelection()).toEqual([]);
    expect(store.getState().canUndo).toBe(false);
  });

  it("copies inside a group stay in that group", () => {
    const store = createEditorStore(groupedSegment());
    store.getState().selectSteps(["fetch"]);
    store.getState().duplicateSelection();
    expect(stepOf(store, "fetch_2")?.ui).toEqual({ x: 32, y: 32, group: "intake" });
  });
});
