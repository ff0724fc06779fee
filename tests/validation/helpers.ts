/** Small segment builders for validation tests. */
import type { Problem } from "../../src/shared/validation";

export type RawStep = { step_id: string; type: string; config: Record<string, unknown>; [key: string]: unknown };
export type RawEdge = { from_step: string; to_step: string; [key: string]: unknown };

export const transform = (step_id: string, expression = "step_input"): RawStep => ({
  step_id,
  type: "transform",
  config: { expression },
});

export const llm = (step_id: string, config: Record<string, unknown> = {}): RawStep => ({
  step_id,
  type: "llm_agent",
  config: { llm_ref: "mock", ...config },
});

export const edge = (from_step: string, to_step: string, extra: Record<string, unknown> = {}): RawEdge => ({
  from_step,
  to_step,
  ...extra,
});

/** A segment document; the entrypoint defaults to the first step. */
export function doc(steps: RawStep[], edges: RawEdge[] = [], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { segment_id: "test", name: "Test", entrypoint: steps[0]?.step_id ?? "start", steps, edges, ...extra };
}

/** A chain a → b → c … of transforms. */
export function chain(ids: string[]): { steps: RawStep[]; edges: RawEdge[] } {
  return {
    steps: ids.map((id) => transform(id)),
    edges: ids.slice(1).map((id, i) => edge(ids[i]!, id)),
  };
}

export const codes = (problems: readonly Problem[]): string[] => problems.map((p) => p.code);
export const only = (problems: readonly Problem[], code: string): Problem[] => problems.filter((p) => p.code === code);
