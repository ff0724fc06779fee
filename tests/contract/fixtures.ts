/** Shared documents for the contract tests. Each call returns a fresh copy to mutate. */
export function minimalDoc(): Record<string, unknown> {
  return {
    segment_id: "hello",
    name: "Hello",
    entrypoint: "greet",
    steps: [{ step_id: "greet", type: "llm_agent", config: {} }],
  };
}

export function fullDoc(): Record<string, unknown> {
  return {
    version: "1.0",
    segment_id: "article_writer",
    name: "Article Writer",
    description: "Write, check, approve.",
    entrypoint: "write",
    input_schema: { type: "object", properties: { topic: { type: "string" } }, required: ["topic"] },
    steps: [
      {
        step_id: "write",
        type: "llm_agent",
        name: "Write draft",
        config: { llm_ref: "gpt4", prompt: "Write about {{input.topic}}" },
        retry: { max_attempts: 3, initial_seconds: 2, multiplier: 2, max_seconds: 30 },
        timeout_seconds: 120,
        on_error: "fail",
        ui: { x: 0, y: 0, width: 240 },
      },
      {
        step_id: "check_quality",
        type: "condition",
        config: { expression: "score >= 0.8" },
        ui: { x: 300, y: 0 },
      },
      {
        step_id: "review",
        type: "human_approval",
        config: {},
        on_error: "continue",
        ui: { x: 600, y: 0, collapsed: true, group: "humans" },
      },
    ],
    edges: [
      { from_step: "write", to_step: "check_quality", from_port: "output", to_port: "input" },
      { from_step: "check_quality", to_step: "review", from_port: "true", condition: "score >= 0.8" },
      { from_step: "check_quality", to_step: "write", from_port: "false" },
    ],
    metadata: { owner: "content-team", tags: ["demo"] },
  };
}

/** The doc's first step, for tests that tweak one field. */
export function firstStep(doc: Record<string, unknown>): Record<string, unknown> {
  return (doc.steps as Record<string, unknown>[])[0] as Record<string, unknown>;
}
