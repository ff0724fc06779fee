/**
 * Turns a stored segment document into something the canvas can draw. A valid document is
 * returned as parsed; a draft may be incomplete or odd (empty entrypoint, a step without a
 * type, a bad position), so anything else is read leniently: what can be shown is kept, what
 * cannot is dropped, nothing throws. Reporting the problems is the validator's job.
 */
import { CONTRACT_VERSION, parseSegment, type Edge, type Segment, type Step } from "@/shared/segment";

type Fallback = { segment_id: string; name: string; description?: string | null };

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const nonEmptyString = (value: unknown): value is string => typeof value === "string" && value !== "";
const finite = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

export function readSegmentDocument(document: unknown, fallback: Fallback): Segment {
  const parsed = parseSegment(document);
  if (parsed.ok) return parsed.segment;
  const doc = isRecord(document) ? document : {};
  const steps = uniqueSteps(Array.isArray(doc.steps) ? doc.steps.flatMap(readStep) : []);
  const segment: Segment = {
    version: CONTRACT_VERSION,
    segment_id: nonEmptyString(doc.segment_id) ? doc.segment_id : fallback.segment_id,
    name: nonEmptyString(doc.name) ? doc.name : fallback.name,
    entrypoint: typeof doc.entrypoint === "string" ? doc.entrypoint : "",
    steps,
    edges: Array.isArray(doc.edges) ? doc.edges.flatMap(readEdge) : [],
  };
  const description = typeof doc.description === "string" ? doc.description : fallback.description;
  if (typeof description === "string") segment.description = description;
  if (isRecord(doc.input_schema)) segment.input_schema = doc.input_schema;
  if (isRecord(doc.metadata)) segment.metadata = doc.metadata;
  return segment;
}

function uniqueSteps(steps: Step[]): Step[] {
  const seen = new Set<string>();
  return steps.filter((step) => !seen.has(step.step_id) && seen.add(step.step_id));
}

function readStep(raw: unknown): Step[] {
  if (!isRecord(raw) || !nonEmptyString(raw.step_id)) return [];
  const step: Step = {
    step_id: raw.step_id,
    type: nonEmptyString(raw.type) ? raw.type : "unknown",
    config: isRecord(raw.config) ? raw.config : {},
  };
  if (nonEmptyString(raw.name)) step.name = raw.name;
  if (isRecord(raw.retry) && finite(raw.retry.max_attempts)) step.retry = raw.retry as Step["retry"];
  if (finite(raw.timeout_seconds)) step.timeout_seconds = raw.timeout_seconds;
  if (raw.on_error === "fail" || raw.on_error === "continue") step.on_error = raw.on_error;
  // A `ui` without a usable position is dropped: the layout places the step instead.
  if (isRecord(raw.ui) && finite(raw.ui.x) && finite(raw.ui.y)) step.ui = { ...raw.ui, x: raw.ui.x, y: raw.ui.y };
  return [step];
}

function readEdge(raw: unknown): Edge[] {
  if (!isRecord(raw) || !nonEmptyString(raw.from_step) || !nonEmptyString(raw.to_step)) return [];
  const edge: Edge = { from_step: raw.from_step, to_step: raw.to_step };
  if (nonEmptyString(raw.from_port)) edge.from_port = raw.from_port;
  if (nonEmptyString(raw.to_port)) edge.to_port = raw.to_port;
  if (nonEmptyString(raw.condition)) edge.condition = raw.condition;
  return [edge];
}
