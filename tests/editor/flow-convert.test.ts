import { describe, expect, it } from "vitest";
import {
  DEFAULT_SOURCE_HANDLE,
  DEFAULT_TARGET_HANDLE,
  isStepNode,
  segmentBase,
  STEP_NODE_TYPE,
  toFlow,
  toSegment,
  type SegmentFlow,
} from "@/features/editor/lib/flow-convert";
import type { Segment } from "@/shared/segment";
import { emptyDraft, generatedSegment, groupedSegment, noUiSegment, parsed, richSegment, seededExamples } from "./fixtures";

const roundTrip = (segment: Segment, edit?: (flow: SegmentFlow) => SegmentFlow): Segment => {
  const flow = toFlow(segment);
  const { nodes, edges } = edit ? edit(flow) : flow;
  return toSegment(segmentBase(segment), nodes, edges);
};

describe("round trip toSegment(toFlow(s)) === s", () => {
  for (const [id, doc] of Object.entries(seededExamples())) {
    it(`seeded example ${id}, as parsed`, () => {
      const segment = parsed(doc);
      expect(roundTrip(segment)).toStrictEqual(segment);
    });
    it(`seeded example ${id}, as the raw JSON file`, () => {
      expect(roundTrip(doc as Segment)).toStrictEqual(doc);
    });
  }

  it("no-ui-stays-absent: steps without ui get a position but no ui on the way back", () => {
    const segment = noUiSegment();
    const back = roundTrip(segment);
    expect(back).toStrictEqual(segment);
    for (const step of back.steps) expect(step).not.toHaveProperty("ui");
  });

  it("extra-ui-keys, ports, conditions, metadata, input_schema, dangling and duplicate edges", () => {
    const segment = richSegment();
    expect(roundTrip(segment)).toStrictEqual(segment);
  });

  it("a generated 500-step segment (branches, joins, ports, conditions, steps without ui, groups)", () => {
    const segment = generatedSegment(500);
    expect(segment.steps).toHaveLength(500);
    expect(roundTrip(segment)).toStrictEqual(segment);
  });

  it("groups: expanded and collapsed groups, members' ui.group, a dangling ui.group, other metadata.ui keys", () => {
    const segment = groupedSegment();
    expect(roundTrip(segment)).toStrictEqual(segment);
  });

  it("empty draft (no steps, empty entrypoint)", () => {
    const segment = emptyDraft();
    expect(toFlow(segment)).toStrictEqual({ nodes: [], edges: [] });
    expect(roundTrip(segment)).toStrictEqual(segment);
  });

  it("does not share the input's step objects with the output", () => {
    const segment = richSegment();
    const back = roundTrip(segment);
    expect(back.steps[0]).not.toBe(segment.steps[0]);
    expect(back.steps[0]?.ui).not.toBe(segment.steps[0]?.ui);
  });
});

describe("toFlow", () => {
  it("node id = step_id, one node type, ui x/y become position, data carries the rest", () => {
    const nodes = toFlow(richSegment()).nodes.filter(isStepNode);
    const start = nodes[0]!;
    expect(start.id).toBe("start");
    expect(start.type).toBe(STEP_NODE_TYPE);
    expect(start.position).toEqual({ x: 16, y: -32 });
    expect(start.data.step).not.toHaveProperty("ui");
    expect(start.data.step.config).toEqual({ llm_ref: "mock", nested: { deep: [1, { two: 2 }] } });
    expect(start.data.uiExtras).toEqual({ width: 320, collapsed: true, group: "g1", note: { color: "red" } });
    expect(start.data.autoPosition).toBeUndefined();
  });

  it("edges without ports use the default handles; ports become handle ids", () => {
    const { edges } = toFlow(richSegment());
    expect(edges[0]).toMatchObject({
      source: "start",
      target: "route",
      sourceHandle: DEFAULT_SOURCE_HANDLE,
      targetHandle: DEFAULT_TARGET_HANDLE,
      data: { condition: "output.score > 0.5" },
    });
    expect(edges[1]).toMatchObject({ sourceHandle: "true", targetHandle: "left" });
    expect(edges[1]?.data).toStrictEqual({});
  });

  it("edge ids are unique and deterministic, even for duplicate edges", () => {
    const a = toFlow(richSegment()).edges.map((e) => e.id);
    const b = toFlow(richSegment()).edges.map((e) => e.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it("lays out steps without ui left to right by depth from the entrypoint", () => {
    const { nodes } = toFlow(noUiSegment());
    const x = Object.fromEntries(nodes.map((n) => [n.id, n.position.x]));
    expect(x.a).toBeLessThan(x.b!);
    expect(x.b).toBeLessThan(x.c!);
    expect(x.c).toBe(x.d);
    expect(x.d).toBeLessThan(x.e!);
    const c = nodes.find((n) => n.id === "c")!;
    const d = nodes.find((n) => n.id === "d")!;
    expect(c.position.y).not.toBe(d.position.y);
  });

  it("places a step without ui below the positioned ones, not on top of them", () => {
    const nodes = toFlow(richSegment()).nodes.filter(isStepNode);
    const unplaced = nodes.find((n) => n.id === "unplaced")!;
    expect(unplaced.data.autoPosition).toEqual(unplaced.position);
    expect(unplaced.position.y).toBeGreaterThan(0);
  });
});

describe("toSegment", () => {
  it("moved-auto-placed-step: a step placed by the layout gets ui once it is moved", () => {
    const back = roundTrip(noUiSegment(), ({ nodes, edges }) => ({
      nodes: nodes.map((n) => (n.id === "b" ? { ...n, position: { x: 999, y: 48 } } : n)),
      edges,
    }));
    expect(back.steps.find((s) => s.step_id === "b")?.ui).toStrictEqual({ x: 999, y: 48 });
    expect(back.steps.find((s) => s.step_id === "a")).not.toHaveProperty("ui");
  });

  it("moved-step-keeps-extra-ui-keys", () => {
    const back = roundTrip(richSegment(), ({ nodes, edges }) => ({
      nodes: nodes.map((n) => (n.id === "start" ? { ...n, position: { x: 32, y: 64 } } : n)),
      edges,
    }));
    expect(back.steps[0]?.ui).toStrictEqual({ x: 32, y: 64, width: 320, collapsed: true, group: "g1", note: { color: "red" } });
  });

  it("edge-id-never-parsed: renaming every edge id changes nothing", () => {
    const segment = richSegment();
    const back = roundTrip(segment, ({ nodes, edges }) => ({
      nodes,
      edges: edges.map((e, i) => ({ ...e, id: `renamed-${i}` })),
    }));
    expect(back).toStrictEqual(segment);
  });

  it("ignores React Flow's own fields (measured, selected, dragging)", () => {
    const segment = parsed(seededExamples()["support-triage"]);
    const back = roundTrip(segment, ({ nodes, edges }) => ({
      nodes: nodes.map((n) => ({ ...n, measured: { width: 232, height: 96 }, selected: true, dragging: false })),
      edges: edges.map((e) => ({ ...e, selected: true })),
    }));
    expect(back).toStrictEqual(segment);
  });

  it("a null or missing handle means no port", () => {
    const segment = noUiSegment();
    const back = roundTrip(segment, ({ nodes, edges }) => ({
      nodes,
      edges: edges.map((e) => ({ ...e, sourceHandle: null, targetHandle: undefined })),
    }));
    for (const edge of back.edges) {
      expect(edge).not.toHaveProperty("from_port");
      expect(edge).not.toHaveProperty("to_port");
    }
  });
});
