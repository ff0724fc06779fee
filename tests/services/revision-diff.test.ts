// diffSegments: the "what changed" line of the revision history.
import { describe, expect, it } from "vitest";
import { diffSegments } from "../../src/shared/segment/diff";
import type { SegmentInput } from "../../src/shared/segment";
import { sampleSegment } from "../helpers/segments";

const base = (): SegmentInput => sampleSegment();
const clone = <T>(value: T): T => structuredClone(value);

describe("diffSegments", () => {
  it("the first revision has every step and edge added and nothing else", () => {
    expect(diffSegments(null, base())).toEqual({
      steps_added: ["first", "second"],
      steps_removed: [],
      steps_changed: [],
      edges_added: 1,
      edges_removed: 0,
      settings_changed: false,
      layout_only: false,
    });
  });

  it("identical documents (key order aside) have no change at all", () => {
    const reordered = Object.fromEntries(Object.entries(base()).reverse());
    expect(diffSegments(base(), reordered)).toEqual({
      steps_added: [],
      steps_removed: [],
      steps_changed: [],
      edges_added: 0,
      edges_removed: 0,
      settings_changed: false,
      layout_only: false,
    });
  });

  it("steps added, removed and changed are named by step_id", () => {
    const next = clone(base());
    next.steps = [
      { ...next.steps[0]!, config: { expression: "input.other" } },
      { step_id: "third", type: "transform", config: { expression: "1" } },
    ];
    next.edges = [{ from_step: "first", to_step: "third" }];
    expect(diffSegments(base(), next)).toMatchObject({
      steps_added: ["third"],
      steps_removed: ["second"],
      steps_changed: ["first"],
      edges_added: 1,
      edges_removed: 1,
      layout_only: false,
    });
  });

  it("name, retry, timeout and on_error count as changes; moving a step does not", () => {
    for (const change of [{ name: "Renamed" }, { retry: { max_attempts: 3 } }, { timeout_seconds: 5 }, { on_error: "continue" as const }]) {
      const next = clone(base());
      next.steps[1] = { ...next.steps[1]!, ...change };
      expect(diffSegments(base(), next).steps_changed).toEqual(["second"]);
    }
  });

  it("only positions moved: layout_only", () => {
    const next = clone(base());
    next.steps[0]!.ui = { x: 120, y: 80 };
    expect(diffSegments(base(), next)).toMatchObject({ steps_changed: [], layout_only: true, settings_changed: false });
  });

  it("groups (metadata.ui) are layout, other metadata is a setting", () => {
    const grouped = { ...base(), metadata: { ui: { groups: [{ id: "g1", label: "Intake" }] } } };
    expect(diffSegments(base(), grouped)).toMatchObject({ layout_only: true, settings_changed: false });
    const tagged = { ...base(), metadata: { tags: ["beta"] } };
    expect(diffSegments(base(), tagged)).toMatchObject({ layout_only: false, settings_changed: true });
  });

  it("a moved step plus a real change is not layout_only", () => {
    const next = clone(base());
    next.steps[0]!.ui = { x: 999, y: 0 };
    next.steps[1]!.config = { expression: "42" };
    expect(diffSegments(base(), next)).toMatchObject({ steps_changed: ["second"], layout_only: false });
  });

  it.each([
    ["name", { name: "Other" }],
    ["description", { description: "Now described" }],
    ["entrypoint", { entrypoint: "second" }],
    ["input_schema", { input_schema: { type: "object" } }],
  ])("changing %s is a settings change", (_field, change) => {
    expect(diffSegments(base(), { ...base(), ...change })).toMatchObject({ settings_changed: true, layout_only: false });
  });

  it("edges are compared as a multiset of (ends, ports, condition)", () => {
    const twice = { ...base(), edges: [...base().edges!, { from_step: "first", to_step: "second" }] };
    expect(diffSegments(base(), twice)).toMatchObject({ edges_added: 1, edges_removed: 0 });
    expect(diffSegments(twice, base())).toMatchObject({ edges_added: 0, edges_removed: 1 });
    const conditioned = { ...base(), edges: [{ from_step: "first", to_step: "second", condition: "input.go" }] };
    expect(diffSegments(base(), conditioned)).toMatchObject({ edges_added: 1, edges_removed: 1 });
    const ported = { ...base(), edges: [{ from_step: "first", to_step: "second", from_port: "out" }] };
    expect(diffSegments(base(), ported)).toMatchObject({ edges_added: 1, edges_removed: 1 });
  });

  it("malformed documents do not throw", () => {
    expect(() => diffSegments({ steps: "nope", edges: [null, 3] }, { steps: [{ type: "x" }], metadata: [] })).not.toThrow();
  });
});
