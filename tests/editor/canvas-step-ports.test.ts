import { describe, expect, it } from "vitest";
import { toFlow } from "@/features/editor/lib/flow-convert";
import { handlesUsedBy, stepHandles } from "@/features/editor/lib/step-ports";
import { configSummary } from "@/features/editor/lib/config-summary";
import { parsed, seededExamples } from "./fixtures";

describe("step handles", () => {
  it("a condition shows labelled true/false outputs at workflow level", () => {
    const outputs = stepHandles("condition", "source", []);
    expect(outputs.map((h) => [h.id, h.label, h.level])).toEqual([
      ["true", "True", "workflow"],
      ["false", "False", "workflow"],
    ]);
  });

  it("levels come from the catalog: agent for LLM agents, human for approvals", () => {
    expect(stepHandles("llm_agent", "target", [])[0]?.level).toBe("agent");
    expect(stepHandles("human_approval", "source", [])[0]?.level).toBe("human");
  });

  it("unknown types get one grey port per side, and ports only edges know are kept", () => {
    expect(stepHandles("vector_search", "source", []).map((h) => [h.id, h.level])).toEqual([["out", null]]);
    expect(stepHandles("condition", "source", ["true", "error"]).map((h) => h.id)).toEqual(["true", "false", "error"]);
  });

  it("handlesUsedBy indexes edges once per edges array and answers per step", () => {
    const { edges } = toFlow(parsed(seededExamples()["support-triage"]));
    expect([...handlesUsedBy(edges, "is_urgent", "source")].sort()).toEqual(["false", "true"]);
    expect(handlesUsedBy(edges, "nobody", "target")).toEqual([]);
    expect(handlesUsedBy(edges, "is_urgent", "source")).toBe(handlesUsedBy(edges, "is_urgent", "source"));
  });
});

describe("config summary of the flow types", () => {
  it("says what delay, map, subsegment and critic loop do", () => {
    expect(configSummary("delay", { seconds: 30 })).toBe("wait 30 s");
    expect(configSummary("delay", { until: "2030-01-31T09:00:00Z" })).toBe("until 2030-01-31T09:00:00Z");
    expect(configSummary("map", { items: "input.rows", segment_id: "summarize" })).toBe("each of input.rows → summarize");
    expect(configSummary("subsegment", { segment_id: "child", revision: 3 })).toBe("child (rev 3)");
    expect(
      configSummary("critic_loop", { generator: { llm_ref: "gpt" }, critic: { llm_ref: "claude" }, max_iterations: 4 }),
    ).toBe("gpt ⇄ claude · ≤ 4 rounds");
  });
});
