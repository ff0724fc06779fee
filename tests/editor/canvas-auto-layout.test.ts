import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { buildLayoutGraph, readLayoutPositions } from "@/features/editor/lib/auto-layout/elk-graph";
import { toFlow, type EditorNode, type GroupNode, type StepNode } from "@/features/editor/lib/flow-convert";
import { parsed, seededExamples } from "./fixtures";

const elk = new ELK();

function triage() {
  const segment = parsed(seededExamples()["support-triage"]);
  const { nodes, edges } = toFlow(segment);
  // React Flow would have measured the cards; the condition is taller (two port rows).
  const measured = nodes.map((n) => ({ ...n, measured: { width: 240, height: n.id === "is_urgent" ? 128 : 96 } })) as EditorNode[];
  return { segment, nodes: measured, edges };
}

async function layout(nodes: EditorNode[], edges: ReturnType<typeof triage>["edges"], entrypoint: string) {
  const plan = buildLayoutGraph({ nodes, edges, entrypoint });
  const result = await elk.layout(plan.graph);
  return readLayoutPositions(result, plan.context);
}

describe("auto-layout (ELK, layered, left to right)", () => {
  it("places every step, each connection going left to right", async () => {
    const { segment, nodes, edges } = triage();
    const positions = await layout(nodes, edges, segment.entrypoint);
    expect([...positions.keys()].sort()).toEqual(segment.steps.map((s) => s.step_id).sort());
    for (const edge of edges) {
      expect(positions.get(edge.target)!.x).toBeGreaterThan(positions.get(edge.source)!.x + 200);
    }
  });

  it("keeps a condition's true branch above its false branch", async () => {
    const { segment, nodes, edges } = triage();
    const positions = await layout(nodes, edges, segment.entrypoint);
    const onTrue = edges.find((e) => e.source === "is_urgent" && e.sourceHandle === "true")!.target;
    const onFalse = edges.find((e) => e.source === "is_urgent" && e.sourceHandle === "false")!.target;
    expect(positions.get(onTrue)!.y).toBeLessThan(positions.get(onFalse)!.y);
  });

  it("same document, same layout", async () => {
    const { segment, nodes, edges } = triage();
    const a = await layout(nodes, edges, segment.entrypoint);
    const b = await layout([...nodes].reverse(), edges, segment.entrypoint);
    expect(Object.fromEntries(b)).toEqual(Object.fromEntries(a));
  });

  it("no-outsider-lands-inside-a-group: members stay together", async () => {
    const { segment, nodes, edges } = triage();
    const members = ["is_urgent", "auto_reply"].filter((id) => nodes.some((n) => n.id === id));
    const frame: GroupNode = {
      id: "group:g1",
      type: "group",
      position: { x: 0, y: 0 },
      width: 600,
      height: 300,
      data: { group_id: "g1", label: "Routing", collapsed: false, memberIds: members },
    };
    const positions = await layout([frame, ...nodes], edges, segment.entrypoint);
    expect([...positions.keys()]).not.toContain("group:g1");
    const [a, b] = members.map((id) => positions.get(id)!);
    const others = [...positions.entries()].filter(([id]) => !members.includes(id));
    // no other step lands between the two members' boxes
    const box = { x0: Math.min(a!.x, b!.x), x1: Math.max(a!.x, b!.x) + 240, y0: Math.min(a!.y, b!.y), y1: Math.max(a!.y, b!.y) + 128 };
    for (const [, p] of others) {
      const inside = p.x >= box.x0 && p.x <= box.x1 && p.y >= box.y0 && p.y <= box.y1;
      expect(inside).toBe(false);
    }
  });

  it("a collapsed group moves as one box and its hidden members move along", async () => {
    const { segment, nodes, edges } = triage();
    const member = nodes.find((n) => n.id === "auto_reply") as StepNode;
    const hidden = { ...member, hidden: true, position: { x: 500, y: 500 } };
    const frame: GroupNode = {
      id: "group:g2",
      type: "group",
      position: { x: 476, y: 444 },
      width: 240,
      height: 72,
      data: { group_id: "g2", label: "Replies", collapsed: true, memberIds: ["auto_reply"] },
    };
    const shownEdges = edges.map((e) =>
      e.target === "auto_reply" ? { ...e, target: "group:g2", targetHandle: "group-in" } : e,
    );
    const rest = nodes.filter((n) => n.id !== "auto_reply");
    const plan = buildLayoutGraph({ nodes: [frame, ...rest, hidden], edges: shownEdges, entrypoint: segment.entrypoint });
    const result = await elk.layout(plan.graph);
    const framePlaced = result.children!.find((c) => c.id === "group:g2")!;
    const positions = readLayoutPositions(result, plan.context);
    // the member keeps its offset from the frame (24, 56)
    expect(positions.get("auto_reply")).toEqual({ x: Math.round(framePlaced.x!) + 24, y: Math.round(framePlaced.y!) + 56 });
  });
});
