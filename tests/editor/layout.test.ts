import { describe, expect, it } from "vitest";
import { autoLayout, layerDepths, LAYOUT_COLUMN_GAP } from "@/features/editor/lib/layout";

const steps = (...ids: string[]) => ids.map((step_id) => ({ step_id }));
const edge = (from_step: string, to_step: string) => ({ from_step, to_step });

describe("layerDepths", () => {
  it("counts depth from the entrypoint, not from document order", () => {
    const depths = layerDepths(steps("c", "b", "a"), [edge("a", "b"), edge("b", "c")], "a");
    expect(Object.fromEntries(depths)).toEqual({ a: 0, b: 1, c: 2 });
  });

  it("cycle-does-not-hang and unreachable parts start at depth 0", () => {
    const depths = layerDepths(
      steps("a", "b", "x", "y", "z"),
      [edge("a", "b"), edge("b", "a"), edge("y", "z"), edge("z", "y"), edge("x", "x")],
      "a",
    );
    expect(Object.fromEntries(depths)).toEqual({ a: 0, b: 1, x: 0, y: 0, z: 1 });
  });

  it("missing or empty entrypoint and dangling edges are fine", () => {
    const depths = layerDepths(steps("a", "b"), [edge("a", "ghost"), edge("ghost", "b")], "");
    expect(Object.fromEntries(depths)).toEqual({ a: 0, b: 0 });
  });
});

describe("autoLayout", () => {
  it("is deterministic and puts no two steps on the same spot", () => {
    const input = { steps: steps("a", "b", "c", "d"), edges: [edge("a", "b"), edge("a", "c"), edge("a", "d")], entrypoint: "a" };
    const first = autoLayout(input);
    expect(autoLayout(input)).toEqual(first);
    const spots = [...first.values()].map((p) => `${p.x},${p.y}`);
    expect(new Set(spots).size).toBe(4);
    expect(first.get("b")?.x).toBe(LAYOUT_COLUMN_GAP);
  });

  it("leaves placed steps alone and puts the others below them", () => {
    const placed = new Map([["a", { x: 100, y: 400 }]]);
    const result = autoLayout({ steps: steps("a", "b"), edges: [edge("a", "b")], entrypoint: "a", placed });
    expect(result.has("a")).toBe(false);
    expect(result.get("b")!.y).toBeGreaterThan(400);
  });
});
