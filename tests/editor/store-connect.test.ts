import { describe, expect, it } from "vitest";
import { createBuiltinCatalog, type StepTypeMetadata } from "@/shared/catalog";
import { connectionProblem } from "@/features/editor/lib/connection-rules";
import { toFlow } from "@/features/editor/lib/flow-convert";
import { isStepNode } from "@/features/editor/lib/flow-types";
import { createEditorStore } from "@/features/editor/store/create-editor-store";
import { groupedSegment } from "./fixtures";
import { edgeEnds, segmentOf, triage, triageStore } from "./store-helpers";

const conn = (source: string, target: string, sourceHandle: string | null = null, targetHandle: string | null = null) => ({
  source,
  target,
  sourceHandle,
  targetHandle,
});

describe("connect", () => {
  it("adds the edge with the handles as ports and returns its id", () => {
    const store = triageStore();
    const result = store.getState().connect(conn("auto_reply", "escalate", "out", "in"));
    expect(result.ok).toBe(true);
    const edges = segmentOf(store).edges;
    expect(edges[edges.length - 1]).toEqual({ from_step: "auto_reply", to_step: "escalate" });
    if (result.ok) expect(store.getState().edges.at(-1)?.id).toBe(result.value.edgeId);
  });

  it("a condition's true/false handle sets the condition the way the examples write it", () => {
    const store = triageStore();
    store.getState().addStep("transform", { x: 0, y: 600 });
    store.getState().addStep("delay", { x: 300, y: 600 });
    store.getState().connect(conn("is_urgent", "transform", "true"));
    store.getState().connect(conn("is_urgent", "delay", "false"));
    const edges = segmentOf(store).edges.slice(-2);
    expect(edges).toEqual([
      { from_step: "is_urgent", to_step: "transform", from_port: "true", condition: "output = true" },
      { from_step: "is_urgent", to_step: "delay", from_port: "false", condition: "output = false" },
    ]);
    // The same expressions as the shipped example's edges.
    expect(triage().edges.map((e) => e.condition).filter(Boolean)).toEqual(["output = true", "output = false"]);
  });

  it("refuses a self-loop, a duplicate, an unknown step and a cycle, each with a reason; nothing changes", () => {
    const store = triageStore();
    const refused = (c: ReturnType<typeof conn>) => {
      const result = store.getState().connect(c);
      expect(result.ok).toBe(false);
      expect(store.getState().connectionProblem(c)).toBe(result.ok ? null : result.reason);
      return result.ok ? "" : result.reason;
    };
    expect(refused(conn("brief", "brief"))).toMatch(/itself/);
    expect(refused(conn("classify", "is_urgent", "out", "in"))).toBe("“Classify ticket” is already connected to “Urgent?” this way.");
    expect(refused(conn("classify", "is_urgent"))).toMatch(/already connected/);
    expect(refused(conn("ghost", "brief"))).toMatch(/no step “ghost”/);
    expect(refused(conn("brief", "ghost"))).toMatch(/no step “ghost”/);
    expect(refused(conn("escalate", "classify"))).toBe(
      "Cycles are not allowed: this edge would close the loop “Escalate to on-call” → “Classify ticket” → “Urgent?” → “Brief for on-call” → “Escalate to on-call”. Use a critic loop step to repeat work until it is good enough, or a map step to repeat it per item.",
    );
    expect(refused(conn("brief", "nope", "out", "in"))).toMatch(/no step/);
    expect(refused(conn("is_urgent", "brief", "maybe"))).toBe("“Urgent?” has no output “maybe”.");
    expect(segmentOf(store)).toStrictEqual(triage());
    expect(store.getState().canUndo).toBe(false);
  });

  it("a different port between the same steps is not a duplicate", () => {
    const store = triageStore();
    expect(store.getState().connectionProblem(conn("is_urgent", "brief", "false"))).toBeNull();
  });

  it("connectionProblem is null for a fine connection and changes nothing", () => {
    const store = triageStore();
    expect(store.getState().connectionProblem(conn("auto_reply", "escalate"))).toBeNull();
    expect(edgeEnds(segmentOf(store))).toHaveLength(4);
  });

  it("a group's frame cannot be connected", () => {
    const store = createEditorStore(groupedSegment());
    expect(store.getState().connectionProblem(conn("group:review", "loose"))).toMatch(/frame/);
  });
});

describe("port compatibility reasons (catalog portsCompatible)", () => {
  const catalog = createBuiltinCatalog();
  const base = catalog.get("transform")!;
  const custom = (type_id: string, display_name: string, ports: StepTypeMetadata["ports"]): StepTypeMetadata => ({
    ...base,
    type_id,
    display_name,
    ports,
  });
  catalog.register(
    custom("summarize_text", "Summarize", {
      inputs: [{ id: "in", level: "agent", data_type: "text" }],
      outputs: [{ id: "out", level: "agent", data_type: "text" }],
    }),
  );
  catalog.register(
    custom("json_sink", "JSON sink", {
      inputs: [{ id: "in", level: "workflow", data_type: "json" }],
      outputs: [],
    }),
  );
  const graph = (steps: { step_id: string; type: string; name?: string }[], edges: { from_step: string; to_step: string }[] = []) => {
    const flow = toFlow({ version: "1.0", segment_id: "t", name: "t", entrypoint: steps[0]!.step_id, steps: steps.map((s) => ({ ...s, config: {} })), edges });
    return { steps: new Map(flow.nodes.filter(isStepNode).map((n) => [n.id, n])), edges: flow.edges };
  };

  it("names both steps and their data types", () => {
    const g = graph([
      { step_id: "approve", type: "human_approval", name: "Approve" },
      { step_id: "sum", type: "summarize_text", name: "Summarize" },
    ]);
    expect(connectionProblem(g, conn("approve", "sum"), catalog)).toBe("“Approve” outputs an approval decision; “Summarize” input expects text.");
  });

  it("names the port of a step with several outputs", () => {
    const g = graph([
      { step_id: "check", type: "condition", name: "Check" },
      { step_id: "sink", type: "json_sink", name: "Sink" },
    ]);
    expect(connectionProblem(g, conn("check", "sink", "true"), catalog)).toBe(
      "“Check” outputs a true/false value on “True”; “Sink” input expects JSON.",
    );
  });

  it("compatible widenings pass (an approval may feed JSON)", () => {
    const g = graph([
      { step_id: "approve", type: "human_approval" },
      { step_id: "sink", type: "json_sink" },
    ]);
    expect(connectionProblem(g, conn("approve", "sink"), catalog)).toBeNull();
  });

  it("steps of unknown types are not checked for ports", () => {
    const g = graph([
      { step_id: "a", type: "custom_a" },
      { step_id: "b", type: "custom_b" },
    ]);
    expect(connectionProblem(g, conn("a", "b", "whatever", "x"), catalog)).toBeNull();
  });
});
