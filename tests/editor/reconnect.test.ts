import { describe, expect, it } from "vitest";
import { createEditorStore } from "@/features/editor/store/create-editor-store";
import { groupedSegment } from "./fixtures";
import { edgeEnds, segmentOf, triage, triageStore } from "./store-helpers";

// support-triage: classify → is_urgent; is_urgent(true) → brief → escalate; is_urgent(false) → auto_reply.
const CLASSIFY_TO_URGENT = "classify:out->is_urgent:in";
const URGENT_TRUE_TO_BRIEF = "is_urgent:true->brief:in";
const BRIEF_TO_ESCALATE = "brief:out->escalate:in";

const conn = (source: string, target: string, sourceHandle = "out", targetHandle = "in") => ({ source, target, sourceHandle, targetHandle });

describe("reconnectEdge", () => {
  it("moves the dragged end, keeps the edge's place in the list, and is one undo step", () => {
    const store = triageStore();
    const result = store.getState().reconnectEdge(BRIEF_TO_ESCALATE, conn("brief", "auto_reply"));
    expect(result).toEqual({ ok: true, value: { edgeId: "brief:out->auto_reply:in" } });
    expect(edgeEnds(segmentOf(store))).toEqual(["classify->is_urgent", "is_urgent->brief", "brief->auto_reply", "is_urgent->auto_reply"]);
    expect(store.getState().edges.map((e) => e.id)).not.toContain(BRIEF_TO_ESCALATE);

    store.getState().undo();
    expect(segmentOf(store)).toStrictEqual(triage());
    expect(store.getState().canUndo).toBe(false);
    store.getState().redo();
    expect(edgeEnds(segmentOf(store))[2]).toBe("brief->auto_reply");
  });

  it("keeps a condition the user wrote, whichever end moves", () => {
    const store = triageStore();
    store.getState().setEdgeCondition(CLASSIFY_TO_URGENT, "output.priority = 'high'");
    const moved = store.getState().reconnectEdge(CLASSIFY_TO_URGENT, conn("classify", "auto_reply"));
    if (!moved.ok) throw new Error(moved.reason);
    store.getState().reconnectEdge(moved.value.edgeId, conn("brief", "auto_reply"));
    expect(segmentOf(store).edges[0]).toEqual({ from_step: "brief", to_step: "auto_reply", condition: "output.priority = 'high'" });
  });

  it("a condition's free output = true follows the edge to the false handle, and goes when the source is no condition", () => {
    const store = triageStore();
    const toFalse = store.getState().reconnectEdge(URGENT_TRUE_TO_BRIEF, conn("is_urgent", "brief", "false"));
    if (!toFalse.ok) throw new Error(toFalse.reason);
    expect(segmentOf(store).edges[1]).toEqual({ from_step: "is_urgent", to_step: "brief", from_port: "false", condition: "output = false" });

    store.getState().reconnectEdge(toFalse.value.edgeId, conn("classify", "brief"));
    expect(segmentOf(store).edges[1]).toEqual({ from_step: "classify", to_step: "brief" });
  });

  it("refuses a cycle, a duplicate and a missing edge with the reason; nothing changes and nothing is recorded", () => {
    const store = triageStore();
    const cycle = store.getState().reconnectEdge(CLASSIFY_TO_URGENT, conn("escalate", "is_urgent"));
    expect(cycle.ok).toBe(false);
    if (!cycle.ok) expect(cycle.reason).toMatch(/^Cycles are not allowed: this edge would close the loop “Escalate to on-call” → “Urgent\?”/);

    const duplicate = store.getState().reconnectEdge("is_urgent:false->auto_reply:in", conn("is_urgent", "brief", "true"));
    expect(duplicate).toEqual({ ok: false, reason: "“Urgent?” is already connected to “Brief for on-call” this way." });

    expect(store.getState().reconnectEdge("nope", conn("brief", "auto_reply"))).toEqual({ ok: false, reason: "That connection no longer exists." });
    expect(segmentOf(store)).toStrictEqual(triage());
    expect(store.getState().canUndo).toBe(false);
  });

  it("dropping the end back where it was changes nothing and records nothing", () => {
    const store = triageStore();
    const revision = store.getState().revision;
    expect(store.getState().reconnectEdge(URGENT_TRUE_TO_BRIEF, conn("is_urgent", "brief", "true"))).toEqual({
      ok: true,
      value: { edgeId: URGENT_TRUE_TO_BRIEF },
    });
    expect(store.getState().revision).toBe(revision);
    expect(store.getState().canUndo).toBe(false);
  });

  it("while an edge end is dragged, its old handle is no duplicate for the highlights; after, it is again", () => {
    const store = triageStore();
    const back = conn("brief", "escalate");
    expect(store.getState().connectionProblem(back)).toMatch(/already connected/);
    store.getState().setReconnectingEdge(BRIEF_TO_ESCALATE);
    expect(store.getState().connectionProblem(back)).toBeNull();
    // The other rules still hold: brief's end dropped on classify would close a loop.
    expect(store.getState().connectionProblem(conn("brief", "classify"))).toMatch(/Cycles are not allowed/);
    store.getState().setReconnectingEdge(null);
    expect(store.getState().connectionProblem(back)).toMatch(/already connected/);
    expect(store.getState().canUndo).toBe(false);
  });

  it("a selected edge stays selected under its new id", () => {
    const store = triageStore();
    store.getState().selectEdge(BRIEF_TO_ESCALATE);
    const result = store.getState().reconnectEdge(BRIEF_TO_ESCALATE, conn("brief", "auto_reply"));
    if (!result.ok) throw new Error(result.reason);
    expect(store.getState().selectedEdgeId).toBe(result.value.edgeId);
    expect(store.getState().edges.find((e) => e.id === result.value.edgeId)?.selected).toBe(true);
  });

  it("an end drawn on a collapsed group's frame stands for its hidden step", () => {
    // "review" is collapsed: parse → check is drawn as parse → the review frame.
    const store = createEditorStore(groupedSegment());
    const drawn = store.getState().edges.find((e) => e.source === "parse" && e.target === "group:review");
    if (!drawn) throw new Error("edge to the collapsed frame not drawn");
    const result = store.getState().reconnectEdge(drawn.id, {
      source: "fetch",
      sourceHandle: "out",
      target: drawn.target,
      targetHandle: drawn.targetHandle ?? null,
    });
    expect(result.ok).toBe(true);
    expect(edgeEnds(segmentOf(store))).toEqual(["fetch->parse", "fetch->check", "check->summarize", "summarize->publish", "check->loose"]);
  });
});
