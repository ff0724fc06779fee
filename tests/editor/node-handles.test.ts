/**
 * Handles computed before React Flow measures a card (lib/node-handles.ts): every catalog
 * type gets its ports where the card draws them, edges attach at those points, and the
 * estimate gives way to React Flow's measurement as soon as there is one.
 */
import { Position, type NodeHandle } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { toFlow, type StepNode } from "@/features/editor/lib/flow-convert";
import { HEADER_HANDLE_TOP, STEP_CARD, stepCardLayout, stepNodeLayout, withHandleEstimate } from "@/features/editor/lib/node-handles";
import { stepHandles } from "@/features/editor/lib/step-ports";
import { createEditorStore } from "@/features/editor/store/create-editor-store";
import { builtinCatalog } from "@/shared/catalog";
import type { Segment } from "@/shared/segment";
import { parsed, seededExamples } from "./fixtures";
import { stepNode, triageStore } from "./store-helpers";

/** Where React Flow attaches an edge to a handle (getHandlePosition): the outer edge's middle. */
function attachPoint(handle: NodeHandle): { x: number; y: number } {
  const width = handle.width ?? 1;
  const height = handle.height ?? 1;
  return { x: handle.position === Position.Right ? handle.x + width : handle.x, y: handle.y + height / 2 };
}

const ids = (handles: readonly NodeHandle[], type: "source" | "target") => handles.filter((h) => h.type === type).map((h) => h.id);
const portIds = (type: string, side: "source" | "target", used: string[] = []) => stepHandles(type, side, used).map((h) => h.id);
const data = (type: string, config: Record<string, unknown> = {}) => ({ step: { step_id: "s", type, config } });

/** Left border at x = 0, right border at x = 240: handles straddle them. */
const LEFT_ATTACH_X = STEP_CARD.border - STEP_CARD.handle / 2;
const RIGHT_ATTACH_X = STEP_CARD.width - STEP_CARD.border + STEP_CARD.handle / 2;
const HEADER_MIDDLE_Y = STEP_CARD.border + HEADER_HANDLE_TOP;

describe("the card layout of every catalog type", () => {
  const types = builtinCatalog.list().map((meta) => meta.type_id);

  it.each(types)("%s: one handle per declared port, inputs on the left border, outputs on the right", (type) => {
    const layout = stepCardLayout(data(type), portIds(type, "target"), portIds(type, "source"));
    expect(ids(layout.handles, "target")).toEqual(portIds(type, "target"));
    expect(ids(layout.handles, "source")).toEqual(portIds(type, "source"));
    for (const handle of layout.handles) {
      expect([handle.width, handle.height]).toEqual([12, 12]);
      const at = attachPoint(handle);
      expect(at.x).toBe(handle.type === "target" ? LEFT_ATTACH_X : RIGHT_ATTACH_X);
      expect(at.y).toBeGreaterThan(0);
      expect(at.y).toBeLessThan(layout.height);
    }
    expect(layout.width).toBe(240);
  });

  it("a lone port sits at the header's middle, where straight rows of cards line up", () => {
    const layout = stepCardLayout(data("llm_agent"), ["in"], ["out"]);
    expect(layout.handles.map(attachPoint)).toEqual([
      { x: -5, y: 32 },
      { x: 245, y: 32 },
    ]);
    expect(HEADER_MIDDLE_Y).toBe(32);
  });

  it("the card is 62px tall, 96px with a config summary (the sizes Chromium lays it out at)", () => {
    expect(stepCardLayout(data("transform"), ["in"], ["out"]).height).toBe(62);
    expect(stepCardLayout(data("transform", { expression: "$.a" }), ["in"], ["out"]).height).toBe(96);
  });

  it("a condition's True and False rows sit below the header and summary, 24px apart", () => {
    const bare = stepCardLayout(data("condition"), ["in"], ["true", "false"]);
    expect(bare.handles.filter((h) => h.type === "source").map((h) => [h.id, attachPoint(h).y])).toEqual([
      ["true", 80],
      ["false", 104],
    ]);
    expect(bare.height).toBe(123);
    const summarized = stepCardLayout(data("condition", { expression: "x > 1" }), ["in"], ["true", "false"]);
    expect(summarized.handles.filter((h) => h.type === "source").map((h) => attachPoint(h).y)).toEqual([114, 138]);
    expect(summarized.height).toBe(157);
    // The single input stays at the header whatever the rows below do.
    expect(attachPoint(summarized.handles.find((h) => h.type === "target")!).y).toBe(32);
  });

  it("several inputs and outputs: the inputs' rows come first, the outputs' rows below them", () => {
    const layout = stepCardLayout(data("transform"), ["in", "extra"], ["out", "error"]);
    const ys = (type: "source" | "target") => layout.handles.filter((h) => h.type === type).map((h) => attachPoint(h).y);
    expect(ys("target")).toEqual([80, 104]);
    expect(ys("source")).toEqual([80 + 61, 104 + 61]);
    expect(layout.height).toBe(123 + 61);
  });
});

describe("toFlow gives each step its estimated handles", () => {
  const withOddPort = (): Segment => {
    const segment = parsed(seededExamples()["support-triage"]);
    segment.edges.push({ from_step: "classify", from_port: "error", to_step: "escalate" });
    return segment;
  };

  it("the handles are the ones the card draws, ports only edges use included, and the size fits them", () => {
    const { nodes, edges } = toFlow(withOddPort());
    const steps = nodes.filter((n): n is StepNode => n.type === "step");
    expect(steps.length).toBeGreaterThan(3);
    for (const node of steps) {
      const layout = stepNodeLayout(node, edges);
      expect(node.handles).toEqual(layout.handles);
      // Sized from the start: React Flow culls it, fits the view around it and needs not mount it to know.
      expect(node.measured).toEqual({ width: layout.width, height: layout.height });
    }
    const classify = steps.find((n) => n.id === "classify")!;
    expect(ids(classify.handles!, "source")).toEqual(["out", "error"]);
    const isUrgent = steps.find((n) => n.id === "is_urgent")!;
    expect(ids(isUrgent.handles!, "source")).toEqual(["true", "false"]);
  });

  it("every edge finds both of its handles, so React Flow can draw it before mounting either card", () => {
    const { nodes, edges } = toFlow(withOddPort());
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const edge of edges) {
      expect(ids(byId.get(edge.source)!.handles!, "source")).toContain(edge.sourceHandle);
      expect(ids(byId.get(edge.target)!.handles!, "target")).toContain(edge.targetHandle);
    }
  });

  it("a measured node is left as it is", () => {
    const node = toFlow(withOddPort()).nodes.find((n): n is StepNode => n.type === "step")!;
    const measured = { ...node, measured: { width: 240, height: 96 } };
    expect(withHandleEstimate(measured, [])).toBe(measured);
  });
});

describe("the store drops the estimate once React Flow has measured a card", () => {
  it("a step React Flow measured loses its handles and takes React Flow's size; the others keep their estimate", () => {
    const store = triageStore();
    expect(stepNode(store, "is_urgent")?.handles).toBeDefined();
    const classify = stepNode(store, "classify");
    store.getState().onNodesChange([{ type: "dimensions", id: "is_urgent", dimensions: { width: 240, height: 158 } }]);
    expect(stepNode(store, "is_urgent")?.handles).toBeUndefined();
    expect(stepNode(store, "is_urgent")?.measured).toEqual({ width: 240, height: 158 });
    expect(stepNode(store, "classify")).toBe(classify);
  });

  it("a card React Flow has not measured follows its data: no summary any more, its rows move up", () => {
    const store = triageStore();
    const classify = stepNode(store, "classify");
    store.getState().updateStepConfig("is_urgent", {});
    const isUrgent = stepNode(store, "is_urgent")!;
    expect(isUrgent.measured).toEqual({ width: 240, height: 123 });
    expect(isUrgent.handles?.filter((h) => h.type === "source").map((h) => attachPoint(h).y)).toEqual([80, 104]);
    expect(stepNode(store, "classify")).toBe(classify);
  });

  it("undo of a card React Flow never measured brings back the estimate of the card as it was", () => {
    const store = createEditorStore(parsed(seededExamples()["support-triage"]));
    const before = stepNode(store, "is_urgent")!;
    store.getState().updateStepConfig("is_urgent", {});
    store.getState().undo();
    expect(stepNode(store, "is_urgent")?.handles).toEqual(before.handles);
    expect(stepNode(store, "is_urgent")?.measured).toEqual(before.measured);
  });

  it("undo never brings the estimate back onto a measured card", () => {
    const store = createEditorStore(parsed(seededExamples()["support-triage"]));
    // The entry's "before" is the card as opened (with the estimate); it is measured afterwards.
    store.getState().updateStepConfig("is_urgent", { expression: "step_input.urgent = false" });
    store.getState().onNodesChange([{ type: "dimensions", id: "is_urgent", dimensions: { width: 240, height: 158 } }]);
    store.getState().undo();
    expect(stepNode(store, "is_urgent")?.data.step.config).toEqual({ expression: "step_input.urgent = true" });
    expect(stepNode(store, "is_urgent")?.handles).toBeUndefined();
    expect(stepNode(store, "is_urgent")?.measured).toEqual({ width: 240, height: 158 });
  });
});
