import { describe, expect, it } from "vitest";
import {
  GROUP_SOURCE_HANDLE,
  GROUP_TARGET_HANDLE,
  groupNodeId,
  isGroupNode,
  realEdge,
  segmentBase,
  toFlow,
  toSegment,
} from "@/features/editor/lib/flow-convert";
import { COLLAPSED_GROUP_SIZE, DEFAULT_NODE_SIZE, GROUP_HEADER, GROUP_PADDING } from "@/features/editor/lib/groups";
import { createEditorStore } from "@/features/editor/store/create-editor-store";
import { groupedSegment } from "./fixtures";
import { drag, frames, segmentOf, stepNode, stepOf, triage, triageStore } from "./store-helpers";

const groupedStore = () => createEditorStore(groupedSegment());

describe("group frames (derived from metadata.ui.groups and ui.group)", () => {
  it("one frame per group with members, first in nodes, around its members' box plus padding", () => {
    const { nodes } = toFlow(groupedSegment());
    expect(nodes.slice(0, 2).map((n) => n.id)).toEqual([groupNodeId("intake"), groupNodeId("review")]);
    expect(nodes.slice(2).every((n) => !isGroupNode(n))).toBe(true);
    const intake = nodes[0]!;
    // fetch at (0,0), parse at (320,0): cards of 240×96 (a summary line each), the size
    // computed from their ports until React Flow measures them (lib/node-handles.ts).
    expect(intake.position).toEqual({ x: -GROUP_PADDING, y: -GROUP_PADDING - GROUP_HEADER });
    expect(intake.width).toBe(320 + DEFAULT_NODE_SIZE.width + 2 * GROUP_PADDING);
    expect(intake.height).toBe(96 + 2 * GROUP_PADDING + GROUP_HEADER);
    expect(intake.data).toEqual({ group_id: "intake", label: "Intake", collapsed: false, memberIds: ["fetch", "parse"] });
  });

  it("a step naming an unknown group gets no frame but keeps its ui.group", () => {
    const store = groupedStore();
    expect(frames(store).map((f) => f.data.group_id)).toEqual(["intake", "review"]);
    expect(stepOf(store, "publish")?.ui).toEqual({ x: 960, y: 0, group: "nowhere" });
  });

  it("measured sizes count once React Flow reports them", () => {
    const store = groupedStore();
    store.getState().onNodesChange([{ type: "dimensions", id: "parse", dimensions: { width: 300, height: 120 } }]);
    const intake = frames(store)[0]!;
    expect(intake.width).toBe(320 + 300 + 2 * GROUP_PADDING);
    expect(intake.height).toBe(120 + 2 * GROUP_PADDING + GROUP_HEADER);
    expect(store.getState().canUndo).toBe(false);
  });

  it("collapsed: members hidden, the frame is one fixed box, edges to members are drawn to the frame", () => {
    const store = groupedStore();
    const review = frames(store)[1]!;
    expect({ width: review.width, height: review.height }).toEqual(COLLAPSED_GROUP_SIZE);
    expect(stepNode(store, "check")?.hidden).toBe(true);
    expect(stepNode(store, "summarize")?.hidden).toBe(true);
    const [, intoCheck, inside, fromSummarize, fromCheck] = store.getState().edges;
    expect(intoCheck).toMatchObject({ source: "parse", target: review.id, targetHandle: GROUP_TARGET_HANDLE });
    expect(fromSummarize).toMatchObject({ source: review.id, sourceHandle: GROUP_SOURCE_HANDLE, target: "publish" });
    expect(fromCheck).toMatchObject({ source: review.id, target: "loose" });
    // An edge inside the group keeps its ends and is hidden (React Flow 12 would draw it).
    expect(inside).toMatchObject({ source: "check", target: "summarize", hidden: true });
    expect(realEdge(inside!).hidden).toBeUndefined();
    // ... and the saved edges are the real ones.
    expect(realEdge(fromCheck!)).toMatchObject({ source: "check", sourceHandle: "false" });
    expect(segmentOf(store)).toStrictEqual(groupedSegment());
  });

  it("round trip through toFlow/toSegment keeps groups, flags and every ui key", () => {
    const segment = groupedSegment();
    const flow = toFlow(segment);
    expect(toSegment(segmentBase(segment), flow.nodes, flow.edges)).toStrictEqual(segment);
  });
});

describe("group actions", () => {
  it("createGroup frames steps: metadata.ui.groups and each member's ui.group", () => {
    const store = triageStore();
    const result = store.getState().createGroup(["brief", "escalate"], "On-call");
    expect(result).toEqual({ ok: true, value: { groupId: "group" } });
    const segment = segmentOf(store);
    expect(segment.metadata).toEqual({ ...triage().metadata, ui: { groups: [{ group_id: "group", label: "On-call", collapsed: false }] } });
    expect(stepOf(store, "brief")?.ui).toEqual({ x: 680, y: 0, group: "group" });
    expect(frames(store).map((f) => f.data.memberIds)).toEqual([["escalate", "brief"]]);
  });

  it("createGroup refuses no (known) steps; default labels count up", () => {
    const store = triageStore();
    expect(store.getState().createGroup([])).toEqual({ ok: false, reason: "Select at least one step to group." });
    expect(store.getState().createGroup(["ghost"])).toMatchObject({ ok: false });
    store.getState().createGroup(["brief"]);
    store.getState().createGroup(["classify"]);
    expect(frames(store).map((f) => [f.data.group_id, f.data.label])).toEqual([
      ["group", "Group"],
      ["group_2", "Group 2"],
    ]);
  });

  it("moving every member of a group into a new one drops the emptied group", () => {
    const store = groupedStore();
    store.getState().createGroup(["fetch", "parse"], "All intake");
    expect(frames(store).map((f) => f.data.label)).toEqual(["Review", "All intake"]);
  });

  it("ungroup removes the frame and the members' ui.group; the steps stay where they are", () => {
    const store = groupedStore();
    store.getState().ungroup("review");
    expect(frames(store).map((f) => f.data.group_id)).toEqual(["intake"]);
    expect(stepOf(store, "check")?.ui).toEqual({ x: 640, y: 0 });
    expect(stepNode(store, "check")?.hidden).toBeFalsy();
    expect(store.getState().edges.every((e) => !e.data?.hiddenEnds)).toBe(true);
  });

  it("ungrouping the last group leaves no empty metadata behind", () => {
    const store = triageStore();
    store.getState().createGroup(["brief"]);
    store.getState().ungroup("group");
    expect(segmentOf(store)).toStrictEqual(triage());
  });

  it("renameGroup and setGroupCollapsed change the metadata entry", () => {
    const store = groupedStore();
    store.getState().renameGroup("intake", "Fetch & parse");
    store.getState().setGroupCollapsed("review", false);
    expect(segmentOf(store).metadata?.ui).toEqual({
      viewport: { zoom: 1 },
      groups: [
        { group_id: "intake", label: "Fetch & parse", collapsed: false },
        { group_id: "review", label: "Review", collapsed: false },
      ],
    });
    expect(stepNode(store, "check")?.hidden).toBeFalsy();
    store.getState().renameGroup("intake", "   ");
    expect(frames(store)[0]?.data.label).toBe("Fetch & parse");
  });

  it("collapsing deselects the members it hides", () => {
    const store = groupedStore();
    store.getState().selectStep("fetch");
    store.getState().setGroupCollapsed("intake", true);
    expect(store.getState().selectedStepId).toBeNull();
    expect(store.getState().selectedStepIds()).toEqual([]);
  });

  it("dragging a frame moves its members by the same delta, as one history entry", () => {
    const store = groupedStore();
    const frameId = groupNodeId("intake");
    drag(store, [frameId], [{ x: 16, y: 16 }, { x: 100, y: 50 }]);
    expect(stepOf(store, "fetch")?.ui).toEqual({ x: 100, y: 50, group: "intake" });
    expect(stepOf(store, "parse")?.ui).toMatchObject({ x: 420, y: 50 });
    expect(frames(store)[0]?.position).toEqual({ x: 100 - GROUP_PADDING, y: 50 - GROUP_PADDING - GROUP_HEADER });
    store.getState().undo();
    expect(segmentOf(store)).toStrictEqual(groupedSegment());
    expect(store.getState().canUndo).toBe(false);
  });

  it("dragging a collapsed frame moves its hidden members", () => {
    const store = groupedStore();
    drag(store, [groupNodeId("review")], [{ x: 0, y: 100 }]);
    expect(stepOf(store, "check")?.ui).toMatchObject({ x: 640, y: 100 });
    expect(stepOf(store, "summarize")?.ui).toMatchObject({ x: 640, y: 300 });
  });

  it("a frame and one of its members dragged together: the member moves once", () => {
    const store = groupedStore();
    drag(store, [groupNodeId("intake"), "fetch"], [{ x: 32, y: 0 }]);
    expect(stepOf(store, "fetch")?.ui).toMatchObject({ x: 32, y: 0 });
    expect(stepOf(store, "parse")?.ui).toMatchObject({ x: 352, y: 0 });
  });

  it("dragging a member resizes the frame around it", () => {
    const store = groupedStore();
    drag(store, ["parse"], [{ x: 0, y: 200 }]);
    expect(frames(store)[0]?.height).toBe(200 + 96 + 2 * GROUP_PADDING + GROUP_HEADER);
  });

  it("deleting a selected frame (deleteSelection or React Flow's remove) ungroups; members stay", () => {
    const store = groupedStore();
    store.getState().onNodesChange([{ type: "select", id: groupNodeId("intake"), selected: true }]);
    store.getState().deleteSelection();
    expect(frames(store).map((f) => f.data.group_id)).toEqual(["review"]);
    expect(stepOf(store, "fetch")).toBeDefined();
    store.getState().onNodesChange([{ type: "remove", id: groupNodeId("review") }]);
    expect(frames(store)).toEqual([]);
    expect(segmentOf(store).steps).toHaveLength(6);
  });

  it("deleting every member drops the group", () => {
    const store = groupedStore();
    store.getState().deleteElements({ stepIds: ["fetch", "parse"] });
    expect(frames(store).map((f) => f.data.group_id)).toEqual(["review"]);
    expect(segmentOf(store).metadata?.ui).toEqual({ viewport: { zoom: 1 }, groups: [{ group_id: "review", label: "Review", collapsed: true }] });
  });

  it("copying a selected frame copies its members", () => {
    const store = groupedStore();
    store.getState().onNodesChange([{ type: "select", id: groupNodeId("review"), selected: true }]);
    const doc = JSON.parse(store.getState().copySelection()!);
    expect(doc.steps.map((s: { step_id: string }) => s.step_id)).toEqual(["check", "summarize"]);
    expect(doc.edges).toHaveLength(1);
  });

  it("selecting a frame does not select a step", () => {
    const store = groupedStore();
    store.getState().selectStep("fetch");
    store.getState().onNodesChange([
      { type: "select", id: "fetch", selected: false },
      { type: "select", id: groupNodeId("intake"), selected: true },
    ]);
    expect(store.getState().selectedStepId).toBeNull();
    expect(frames(store)[0]?.selected).toBe(true);
  });
});
