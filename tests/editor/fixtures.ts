/** Segments for the editor tests: the seeded examples plus hand-made edge cases. Fresh copies each call. */
import articleWriter from "@/server/seed/examples/article-writer.json";
import fetchAndSummarize from "@/server/seed/examples/fetch-and-summarize.json";
import supportTriage from "@/server/seed/examples/support-triage.json";
import { parseSegment, type Segment } from "@/shared/segment";

export function parsed(doc: unknown): Segment {
  const result = parseSegment(doc);
  if (!result.ok) throw new Error(`fixture is not a valid segment: ${JSON.stringify(result.problems)}`);
  return result.segment;
}

const clone = <T>(value: T): T => structuredClone(value);

export const seededExamples = (): Record<string, unknown> => ({
  "article-writer": clone(articleWriter),
  "support-triage": clone(supportTriage),
  "fetch-and-summarize": clone(fetchAndSummarize),
});

/** No `ui` anywhere, a branch and a join. */
export function noUiSegment(): Segment {
  return {
    version: "1.0",
    segment_id: "no-ui",
    name: "No positions",
    entrypoint: "a",
    steps: [
      { step_id: "a", type: "llm_agent", config: {} },
      { step_id: "b", type: "condition", config: { expression: "x > 1" } },
      { step_id: "c", type: "transform", config: {} },
      { step_id: "d", type: "transform", config: {} },
      { step_id: "e", type: "http_request", config: {} },
    ],
    edges: [
      { from_step: "a", to_step: "b" },
      { from_step: "b", to_step: "c", from_port: "true" },
      { from_step: "b", to_step: "d", from_port: "false" },
      { from_step: "c", to_step: "e" },
      { from_step: "d", to_step: "e" },
    ],
  };
}

/** Every optional field of the contract, odd ports and extra ui keys. */
export function richSegment(): Segment {
  return {
    version: "1.0",
    segment_id: "rich",
    name: "Rich",
    description: "",
    entrypoint: "start",
    input_schema: { type: "object", properties: { q: { type: "string" } }, required: ["q"] },
    steps: [
      {
        step_id: "start",
        type: "llm_agent",
        name: "Start",
        config: { llm_ref: "mock", nested: { deep: [1, { two: 2 }] } },
        retry: { max_attempts: 3, initial_seconds: 1, multiplier: 2, max_seconds: 10 },
        timeout_seconds: 30,
        on_error: "continue",
        ui: { x: 16, y: -32, width: 320, collapsed: true, group: "g1", note: { color: "red" } },
      },
      { step_id: "route", type: "condition", config: { expression: "output.ok" }, ui: { x: 400, y: 0 } },
      { step_id: "merge", type: "custom_merge", config: {}, ui: { x: 800, y: 0, collapsed: false } },
      { step_id: "unplaced", type: "transform", config: {} },
    ],
    edges: [
      { from_step: "start", to_step: "route", condition: "output.score > 0.5" },
      { from_step: "route", to_step: "merge", from_port: "true", to_port: "left" },
      { from_step: "route", to_step: "merge", from_port: "false", to_port: "right", condition: "true" },
      // Literal default port names must survive too.
      { from_step: "merge", to_step: "unplaced", from_port: "out", to_port: "in" },
      { from_step: "merge", to_step: "unplaced", from_port: "out" },
      // Dangling and duplicate edges are kept as they are.
      { from_step: "merge", to_step: "ghost" },
      { from_step: "start", to_step: "route", condition: "output.score > 0.5" },
    ],
    metadata: { tags: ["a"], owner: { team: "x" } },
  };
}

export function emptyDraft(): Segment {
  return { version: "1.0", segment_id: "empty-one", name: "Empty one", entrypoint: "", steps: [], edges: [] };
}
