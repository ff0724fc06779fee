/** What validateSegment returns: every problem found, each with a code, a severity and a location. */
import type { Segment } from "../segment/schema";

export type Severity = "error" | "warning";

/** Every code validateSegment can report, with its severity. */
export const PROBLEM_SEVERITY = {
  // from the contract (parseSegment)
  unknown_key: "error",
  invalid_value: "error",
  missing_field: "error",
  // structure
  empty_segment: "error",
  duplicate_step_id: "error",
  unknown_step_type: "error",
  unknown_entrypoint: "error",
  unknown_edge_endpoint: "error",
  duplicate_edge: "warning",
  // step config
  invalid_config: "error",
  // expressions and templates
  invalid_expression: "error",
  legacy_placeholder: "warning",
  // ports
  port_mismatch: "error",
  // graph
  unreachable_step: "error",
  cycle: "error",
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof PROBLEM_SEVERITY;
export const PROBLEM_CODES = Object.keys(PROBLEM_SEVERITY) as ProblemCode[];

/** The edge a problem is about: its index in `edges` and its ends as written. */
export interface ProblemEdge {
  index: number;
  from_step: string;
  to_step: string;
}

export interface Problem {
  code: ProblemCode;
  /** A sentence for a person, shown in the browser as is. */
  message: string;
  severity: Severity;
  /** The step the problem is in or about. */
  step_id?: string;
  /** The edge the problem is in or about. */
  edge?: ProblemEdge;
  /** JSON-path-like location in the document: `steps[2].config.temperature`; `""` is the document. */
  path?: string;
}

export interface ValidationResult {
  /** No errors (warnings allowed). */
  ok: boolean;
  /** The parsed segment (defaults applied), when the contract parsed. */
  segment?: Segment;
  problems: Problem[];
}

/** Builds a problem with the severity of its code. */
export function problem(code: ProblemCode, message: string, where: Omit<Problem, "code" | "message" | "severity"> = {}): Problem {
  return { code, message, severity: PROBLEM_SEVERITY[code], ...where };
}
