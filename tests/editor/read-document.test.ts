import { describe, expect, it } from "vitest";
import { toFlow } from "@/features/editor/lib/flow-convert";
import { readSegmentDocument } from "@/features/editor/lib/read-document";
import { parsed, seededExamples } from "./fixtures";

const fallback = { segment_id: "fallback", name: "Fallback", description: null };

describe("readSegmentDocument", () => {
  it("returns a valid document exactly as parsed", () => {
    const doc = seededExamples()["article-writer"];
    expect(readSegmentDocument(doc, fallback)).toStrictEqual(parsed(doc));
  });

  it("new-segment-draft: empty entrypoint and no steps give an empty canvas", () => {
    const doc = { version: "1.0", segment_id: "empty-one", name: "Empty one", entrypoint: "", steps: [], edges: [] };
    const segment = readSegmentDocument(doc, fallback);
    expect(segment).toStrictEqual(doc);
    expect(toFlow(segment)).toStrictEqual({ nodes: [], edges: [] });
  });

  it("odd-draft-never-throws: garbage in, something drawable out", () => {
    for (const doc of [null, undefined, "text", 42, [], { steps: "no" }, { steps: [null, 1, "x"], edges: {} }]) {
      const segment = readSegmentDocument(doc, fallback);
      expect(segment.segment_id).toBe("fallback");
      expect(segment.steps).toEqual([]);
      expect(() => toFlow(segment)).not.toThrow();
    }
  });

  it("keeps what can be shown from a half-written draft", () => {
    const segment = readSegmentDocument(
      {
        segment_id: "half",
        name: "",
        entrypoint: "a",
        steps: [
          { step_id: "a", type: "llm_agent", config: { llm_ref: "m" }, ui: { x: "left", y: 0, width: 300 } },
          { step_id: "a", type: "transform", config: {} },
          { step_id: "b", config: "nope", name: 5, unknown_key: true },
          { type: "orphan" },
        ],
        edges: [{ from_step: "a", to_step: "b", condition: "" }, { from_step: "a" }],
      },
      fallback,
    );
    expect(segment.name).toBe("Fallback");
    expect(segment.steps).toStrictEqual([
      { step_id: "a", type: "llm_agent", config: { llm_ref: "m" } },
      { step_id: "b", type: "unknown", config: {} },
    ]);
    expect(segment.edges).toStrictEqual([{ from_step: "a", to_step: "b" }]);
    const { nodes } = toFlow(segment);
    expect(nodes.every((n) => Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
  });
});
