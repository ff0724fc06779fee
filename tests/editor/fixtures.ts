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

/**
 * Two groups (one collapsed) with members, a step naming a group that does not exist,
 * extra metadata.ui keys, and edges into, out of and inside the collapsed group.
 */
export function groupedSegment(): Segment {
  return {
    version: "1.0",
    segment_id: "grouped",
    name: "Grouped",
    entrypoint: "fetch",
    steps: [
      { step_id: "fetch", type: "http_request", config: { url: "https://x.test" }, ui: { x: 0, y: 0, group: "intake" } },
      { step_id: "parse", type: "transform", config: { expression: "body" }, ui: { x: 320, y: 0, group: "intake", width: 300 } },
      { step_id: "check", type: "condition", config: { expression: "step_input.ok" }, ui: { x: 640, y: 0, group: "review" } },
      { step_id: "summarize", type: "llm_agent", config: { llm_ref: "mock", system_prompt: "s" }, ui: { x: 640, y: 200, group: "review" } },
      { step_id: "publish", type: "transform", config: { expression: "$" }, ui: { x: 960, y: 0, group: "nowhere" } },
      { step_id: "loose", type: "delay", config: { seconds: 1 } },
    ],
    edges: [
      { from_step: "fetch", to_step: "parse" },
      { from_step: "parse", to_step: "check" },
      { from_step: "check", to_step: "summarize", from_port: "true", condition: "output = true" },
      { from_step: "summarize", to_step: "publish" },
      { from_step: "check", to_step: "loose", from_port: "false", condition: "output = false" },
    ],
    metadata: {
      owner: "me",
      ui: {
        viewport: { zoom: 1 },
        groups: [
          { group_id: "intake", label: "Intake", collapsed: false },
          { group_id: "review", label: "Review", collapsed: true },
        ],
      },
    },
  };
}

const GENERATED_TYPES = ["llm_agent", "transform", "condition", "http_request", "human_approval", "delay"] as const;

/**
 * A large valid-looking segment: a spine with condition branches that join again, every
 * tenth step without ui, groups of ten steps with every other group collapsed.
 */
export function generatedSegment(size: number): Segment {
  const steps: Segment["steps"] = [];
  const edges: Segment["edges"] = [];
  const groups: { group_id: string; label: string; collapsed: boolean }[] = [];
  for (let i = 0; i < size; i++) {
    const type = GENERATED_TYPES[i % GENERATED_TYPES.length]!;
    const group = `g${Math.floor(i / 10)}`;
    if (i % 10 === 0 && i % 30 !== 0) groups.push({ group_id: group, label: `Block ${i / 10}`, collapsed: i % 20 === 0 });
    const step: Segment["steps"][number] = {
      step_id: `s${i}`,
      type,
      name: `Step ${i}`,
      config: type === "condition" ? { expression: `step_input.n > ${i}` } : { expression: `$ + ${i}` },
    };
    if (i % 10 !== 9) step.ui = { x: (i % 25) * 320, y: Math.floor(i / 25) * 176, ...(i % 30 >= 10 ? { group } : {}) };
    steps.push(step);
    if (i === 0) continue;
    const previous = steps[i - 1]!;
    if (previous.type === "condition") {
      edges.push({ from_step: previous.step_id, to_step: step.step_id, from_port: "true", condition: "output = true" });
      if (i + 1 < size) edges.push({ from_step: previous.step_id, to_step: `s${i + 1}`, from_port: "false", condition: "output = false" });
    } else {
      edges.push({ from_step: previous.step_id, to_step: step.step_id });
    }
  }
  return {
    version: "1.0",
    segment_id: "generated",
    name: `Generated ${size}`,
    entrypoint: "s0",
    steps,
    edges,
    metadata: { ui: { groups } },
  };
}
