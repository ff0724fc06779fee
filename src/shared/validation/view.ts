/**
 * A lenient view of a segment document: the parts the semantic checks need, taken from
 * whatever is well-formed. When parseSegment failed (say, one step has a bad retry policy),
 * the graph, config and expression checks still run on the steps and edges that can be read;
 * values that cannot be read are left out (the contract problems already cover them).
 */
import type { StepCatalog } from "../catalog/catalog";

export interface StepView {
  /** Position in `steps`. */
  index: number;
  step_id: string;
  /** Present when `type` is a non-empty string. */
  type?: string;
  /** Present when `config` is an object. */
  config?: Record<string, unknown>;
}

export interface EdgeView {
  index: number;
  from_step?: string;
  to_step?: string;
  from_port?: string;
  to_port?: string;
  condition?: string;
}

export interface SegmentView {
  segment_id?: string;
  entrypoint?: string;
  /** Undefined when `steps` is not an array. */
  steps?: StepView[];
  edges: EdgeView[];
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const nonEmptyString = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

function stepView(raw: unknown, index: number): StepView | undefined {
  if (!isRecord(raw)) return undefined;
  const stepId = nonEmptyString(raw.step_id);
  if (stepId === undefined) return undefined;
  const view: StepView = { index, step_id: stepId };
  const type = nonEmptyString(raw.type);
  if (type !== undefined) view.type = type;
  if (isRecord(raw.config)) view.config = raw.config;
  return view;
}

function edgeView(raw: unknown, index: number): EdgeView | undefined {
  if (!isRecord(raw)) return undefined;
  const view: EdgeView = { index };
  for (const key of ["from_step", "to_step", "from_port", "to_port", "condition"] as const) {
    const value = nonEmptyString(raw[key]);
    if (value !== undefined) view[key] = value;
  }
  return view;
}

/** Reads the view from a parsed segment or, leniently, from a raw document. */
export function segmentView(doc: unknown): SegmentView {
  if (!isRecord(doc)) return { edges: [] };
  const view: SegmentView = { edges: [] };
  const segmentId = nonEmptyString(doc.segment_id);
  if (segmentId !== undefined) view.segment_id = segmentId;
  const entrypoint = nonEmptyString(doc.entrypoint);
  if (entrypoint !== undefined) view.entrypoint = entrypoint;
  if (Array.isArray(doc.steps)) {
    view.steps = doc.steps.flatMap((raw, index) => stepView(raw, index) ?? []);
  }
  if (Array.isArray(doc.edges)) {
    view.edges = doc.edges.flatMap((raw, index) => edgeView(raw, index) ?? []);
  }
  return view;
}

/** Step ids → their first step (later duplicates are reported, and ignored by the graph checks). */
export function stepsById(view: SegmentView): Map<string, StepView> {
  const byId = new Map<string, StepView>();
  for (const step of view.steps ?? []) if (!byId.has(step.step_id)) byId.set(step.step_id, step);
  return byId;
}

/** What every check receives. */
export interface CheckContext {
  view: SegmentView;
  /** First step of each id. */
  byId: Map<string, StepView>;
  catalog: StepCatalog;
}
