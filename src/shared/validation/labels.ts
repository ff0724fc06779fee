/** Wording shared by the checks: how a message names a step, an edge or a list. */
import { formatPath } from "../segment/messages";
import type { ProblemEdge } from "./types";
import type { EdgeView, StepView } from "./view";

export const quote = (value: string): string => JSON.stringify(value);

/** `"a", "b" and "c"`. */
export function quoteList(values: readonly string[], conjunction = "and"): string {
  const quoted = values.map(quote);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}

export const stepLabel = (step: Pick<StepView, "step_id">): string => `Step ${quote(step.step_id)}`;

export function edgeLabel(edge: EdgeView): string {
  const from = edge.from_step === undefined ? "?" : quote(edge.from_step);
  const to = edge.to_step === undefined ? "?" : quote(edge.to_step);
  return `The edge ${from} → ${to}`;
}

export function problemEdge(edge: EdgeView): ProblemEdge {
  return { index: edge.index, from_step: edge.from_step ?? "", to_step: edge.to_step ?? "" };
}

export const stepPath = (step: Pick<StepView, "index">, ...rest: PropertyKey[]): string =>
  formatPath(["steps", step.index, ...rest]);

export const edgePath = (edge: Pick<EdgeView, "index">, ...rest: PropertyKey[]): string =>
  formatPath(["edges", edge.index, ...rest]);

/** ` — did you mean "x"?` or "". */
export const didYouMean = (suggestion: string | undefined): string =>
  suggestion === undefined ? "" : ` — did you mean ${quote(suggestion)}?`;
