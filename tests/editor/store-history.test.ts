import { describe, expect, it } from "vitest";
import type { EditorStore } from "@/features/editor/store/types";
import { createEditorStore } from "@/features/editor/store/create-editor-store";
import { groupedSegment, richSegment } from "./fixtures";
import { drag, segmentOf, stepNode, stepOf, triage, triageStore } from "./store-helpers";

/** Does `action` make exactly one history entry that undo reverts and redo re-applies? */
function expectOneUndoableEntry(store: EditorStore, action: (store: EditorStore) => void): void {
  const before = segmentOf(store);
  const revision = store.getState().revision;
  const depth = countUndo(store);
  action(store);
  const after = segmentOf(store);
  expect(after).not.toStrictEqual(before);
  expect(store.getState().revision).toBeGreaterThan(revision);
  expect(store.getState().canUndo).toBe(true);
  store.getState().undo();
  expect(segmentOf(store)).toStrictEqual(before);
  expect(store.getState().canRedo).toBe(true);
  store.getState().redo();
  expect(segmentOf(store)).toStrictEqual(after);
  expect(store.getState().canRedo).toBe(false);
  expect(countUndo(store)).toBe(depth + 1);
}

/** History depth, measured by undoing everything and redoing it again. */
function countUndo(store: EditorStore): number {
  let n = 0;
  while (store.getState().canUndo) {
    store.getState().undo();
    n++;
  }
  for (let i = 0; i < n; i++) store.getState().redo();
  return n;
}

describe("undo/redo of each kind of change: one entry, exact round trip", () => {
  const cases: [string, (store: EditorStore) => void][] = [
    ["add", (s) => s.getState().addStep("transform", { x: 0, y: 600 })],
    ["delete", (s) => s.getState().deleteElements({ stepIds: ["is_urgent"] })],
    ["connect", (s) => s.getState().connect({ source: "auto_reply", target: "escalate", sourceHandle: "out", targetHandle: "in" })],
    ["config edit", (s) => s.getState().updateStepConfig("brief", { expression: "1" })],
    ["step fields", (s) => s.getState().updateStep("brief", { name: "B", timeout_seconds: 3 })],
    ["condition", (s) => s.getState().setEdgeCondition(s.getState().edges[1]!.id, "output = 1")],
    ["rename", (s) => s.getState().renameStep("is_urgent", "urgent")],
    ["drag", (s) => drag(s, ["classify", "brief"], [{ x: 16, y: 0 }, { x: 32, y: 16 }, { x: 48, y: 32 }])],
    ["layout", (s) => s.getState().applyPositions(new Map([["escalate", { x: 0, y: 0 }]]))],
    ["paste", (s) => s.getState().paste(s.getState().copySelection() ?? "", { x: 0, y: 900 })],
    ["group", (s) => s.getState().createGroup(["brief", "escalate"], "On-call")],
    ["replace", (s) => s.getState().replaceSegment(richSegment())],
    ["entrypoint", (s) => s.getState().setEntrypoint("brief")],
    ["segment fields", (s) => s.getState().updateBase({ name: "Other", input_schema: undefined })],
    ["duplicate", (s) => s.getState().duplicateSelection()],
    ["delete selection", (s) => s.getState().deleteSelection()],
  ];
  for (const [name, action] of cases) {
    it(name, () => {
      const store = triageStore();
      store.getState().selectSteps(["classify", "is_urgent"]);
      expectOneUndoableEntry(store, action);
    });
  }

  it("group actions: rename, collapse, ungroup", () => {
    const store = createEditorStore(groupedSegment());
    expectOneUndoableEntry(store, (s) => s.getState().renameGroup("intake", "Fetch"));
    expectOneUndoableEntry(store, (s) => s.getState().setGroupCollapsed("intake", true));
    expectOneUndoableEntry(store, (s) => s.getState().ungroup("review"));
  });
});

describe("history rules", () => {
  it("a drag is one entry, recorded when it ends, with the positions at drag start as the before", () => {
    const store = triageStore();
    const ticks = [{ x: 10, y: 0 }, { x: 20, y: 0 }, { x: 30, y: 5 }];
    store.getState().onNodesChange([{ type: "position", id: "brief", position: { x: 690, y: 0 }, dragging: true }]);
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().revision).toBe(0);
    for (const t of ticks) {
      store.getState().onNodesChange([{ type: "position", id: "brief", position: { x: 680 + t.x, y: t.y }, dragging: true }]);
    }
    store.getState().onNodesChange([{ type: "position", id: "brief", position: { x: 710, y: 5 }, dragging: false }]);
    expect(store.getState().revision).toBe(1);
    expect(stepOf(store, "brief")?.ui).toEqual({ x: 710, y: 5 });
    store.getState().undo();
    expect(stepOf(store, "brief")?.ui).toEqual({ x: 680, y: 0 });
    expect(store.getState().canUndo).toBe(false);
  });

  it("a drag that ends where it started records nothing", () => {
    const store = triageStore();
    drag(store, ["brief"], [{ x: 16, y: 0 }, { x: 0, y: 0 }]);
    expect(store.getState().canUndo).toBe(false);
  });

  it("a keyboard nudge (position change without dragging) is one entry", () => {
    const store = triageStore();
    store.getState().onNodesChange([{ type: "position", id: "brief", position: { x: 680, y: 16 } }]);
    expect(store.getState().canUndo).toBe(true);
    store.getState().undo();
    expect(segmentOf(store)).toStrictEqual(triage());
  });

  it("selection and measurement are never recorded and do not bump the revision", () => {
    const store = triageStore();
    store.getState().selectStep("brief");
    store.getState().onNodesChange([{ type: "dimensions", id: "brief", dimensions: { width: 200, height: 80 } }]);
    store.getState().onNodesChange([{ type: "select", id: "classify", selected: true }]);
    store.getState().selectEdge(store.getState().edges[0]!.id);
    store.getState().setProblems([]);
    store.getState().requestFocus({ kind: "step", id: "brief" });
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().revision).toBe(0);
  });

  it("a no-op action records nothing (same condition, same position, unknown ids)", () => {
    const store = triageStore();
    const edge = store.getState().edges[1]!;
    store.getState().setEdgeCondition(edge.id, edge.data!.condition!);
    store.getState().applyPositions(new Map([["brief", { x: 680, y: 0 }]]));
    store.getState().deleteElements({ stepIds: ["ghost"] });
    store.getState().deleteSelection();
    store.getState().setEntrypoint("classify");
    store.getState().updateBase({ name: "Support ticket triage" });
    expect(store.getState().canUndo).toBe(false);
  });

  it("a new action after undo clears redo", () => {
    const store = triageStore();
    store.getState().updateStep("brief", { name: "One" });
    store.getState().undo();
    expect(store.getState().canRedo).toBe(true);
    store.getState().updateStep("brief", { name: "Two" });
    expect(store.getState().canRedo).toBe(false);
    store.getState().redo();
    expect(stepOf(store, "brief")?.name).toBe("Two");
  });

  it("holds at most 100 entries: the oldest go", () => {
    const store = triageStore();
    for (let i = 1; i <= 105; i++) store.getState().updateStep("brief", { timeout_seconds: i });
    let undos = 0;
    while (store.getState().canUndo) {
      store.getState().undo();
      undos++;
    }
    expect(undos).toBe(100);
    expect(stepOf(store, "brief")?.timeout_seconds).toBe(5);
  });

  it("undo and redo bump the revision (autosave and validation follow)", () => {
    const store = triageStore();
    store.getState().updateStep("brief", { name: "x" });
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().revision).toBe(3);
  });

  it("undo/redo with empty stacks do nothing", () => {
    const store = triageStore();
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().revision).toBe(0);
  });

  it("after undo the selection of steps that still exist is kept; the rest is dropped", () => {
    const store = triageStore();
    const id = store.getState().addStep("delay", { x: 0, y: 500 });
    store.getState().selectSteps(["brief", id]);
    store.getState().undo();
    expect(store.getState().selectedStepIds()).toEqual(["brief"]);
    expect(store.getState().selectedStepId).toBe("brief");
    store.getState().redo();
    expect(store.getState().selectedStepIds()).toEqual(["brief"]);
  });

  it("structural sharing: untouched nodes keep their identity across an edit and its undo", () => {
    const store = triageStore();
    const classify = stepNode(store, "classify");
    store.getState().updateStepConfig("brief", { expression: "2" });
    expect(stepNode(store, "classify")).toBe(classify);
    store.getState().undo();
    expect(stepNode(store, "classify")).toBe(classify);
  });

  it("undo does not recreate steps whose content did not change, even when their selection did", () => {
    const store = triageStore();
    store.getState().updateStepConfig("brief", { expression: "2" });
    store.getState().selectStep("classify");
    const classify = stepNode(store, "classify");
    store.getState().undo();
    expect(stepNode(store, "classify")).toBe(classify);
    expect(stepNode(store, "brief")?.data.step.config).toEqual({ expression: triage().steps[4]!.config.expression });
  });

  it("undo keeps the measured size React Flow gave a node", () => {
    const store = triageStore();
    store.getState().onNodesChange([{ type: "dimensions", id: "brief", dimensions: { width: 250, height: 90 } }]);
    store.getState().updateStepConfig("brief", { expression: "2" });
    store.getState().undo();
    expect(stepNode(store, "brief")?.measured).toEqual({ width: 250, height: 90 });
  });

  it("replaceSegment without resetHistory can be undone", () => {
    const store = triageStore();
    store.getState().replaceSegment(groupedSegment());
    expect(segmentOf(store)).toStrictEqual(groupedSegment());
    store.getState().undo();
    expect(segmentOf(store)).toStrictEqual(triage());
  });
});
