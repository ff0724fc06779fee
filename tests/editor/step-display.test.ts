import { describe, expect, it } from "vitest";
import { configSummary } from "@/features/editor/lib/config-summary";
import { stepAppearance } from "@/features/editor/lib/step-appearance";
import { portsInUse } from "@/features/editor/lib/step-ports";
import { toFlow } from "@/features/editor/lib/flow-convert";
import { parsed, seededExamples } from "./fixtures";

describe("configSummary", () => {
  it("says what each known type does", () => {
    expect(configSummary("llm_agent", { llm_ref: "mock", system_prompt: "You are a careful researcher. List the key facts about the topic." })).toBe(
      "mock · You are a careful researcher. List the key…",
    );
    expect(configSummary("transform", { expression: "step_input.body" })).toBe("step_input.body");
    expect(configSummary("condition", { expression: "x = true" })).toBe("x = true");
    expect(configSummary("http_request", { method: "post", url: "https://x.test" })).toBe("POST https://x.test");
    expect(configSummary("human_approval", { title: "Approve it" })).toBe("Approve it");
  });

  it("odd-config-never-throws", () => {
    expect(configSummary("llm_agent", null)).toBeUndefined();
    expect(configSummary("transform", { expression: 42 })).toBeUndefined();
    expect(configSummary("mystery", ["a"])).toBeUndefined();
    expect(configSummary("mystery", { n: 1, path: "/tmp" })).toBe("path: /tmp");
    expect(configSummary("transform", { expression: "x".repeat(500) })!.length).toBeLessThanOrEqual(90);
  });
});

describe("stepAppearance", () => {
  it("unknown types get a neutral look and a readable label", () => {
    const look = stepAppearance("vector_search");
    expect(look.label).toBe("Vector search");
    expect(look.icon.length).toBeGreaterThan(0);
    expect(stepAppearance("llm_agent").label).toBe("LLM agent");
  });
});

describe("portsInUse", () => {
  it("shows declared ports first and keeps ports only edges know about", () => {
    const { edges } = toFlow(parsed(seededExamples()["support-triage"]));
    expect(portsInUse(edges, "is_urgent", "source", ["true", "false"])).toEqual(["true", "false"]);
    const extra = [...edges, { ...edges[0]!, id: "x", source: "is_urgent", sourceHandle: "error" }];
    expect(portsInUse(extra, "is_urgent", "source", ["true", "false"])).toEqual(["true", "false", "error"]);
  });
});
