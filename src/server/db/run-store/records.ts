// Rows ↔ the engine's records, in one place.
//
// Reads: queries return whole rows as JSON text (`row_to_json(row)::text`, `json_agg(...)::text`),
// parsed here with JSON.parse: a row has the table's snake_case column names, times as ISO 8601
// text (any offset), numerics as JSON numbers and jsonb columns as their values. (Measured on
// PGlite: 3x faster than building jsonb or decoding every cell of plain rows.) The functions
// below turn rows into records (times normalised to `Date#toISOString`, SQL NULL → null).
//
// Writes: records go to the database as jsonb parameters (see the end of this file). No value
// ever becomes SQL text.
import type {
  ApprovalRecord,
  ChildRef,
  ChildRunSummary,
  RunControl,
  RunError,
  RunEvent,
  RunRecord,
  RunStatus,
  StepErrorInfo,
  StepRecord,
  StepStatus,
} from "../../../engine";

/** A row as `row_to_json(row)` returns it. */
export type JsonRow = Record<string, unknown>;

/** JSON text from the database (row_to_json / json_agg cast to text). */
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

// ---------------------------------------------------------------------------------------------
// Reads

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new Error(`run store: not a time: ${String(value)}`);
  return date.toISOString();
}

function requiredIso(value: unknown, column: string): string {
  const result = iso(value);
  if (result === null) throw new Error(`run store: ${column} is null`);
  return result;
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const json = (value: unknown): unknown => (value === undefined ? null : value);

export function runFromRow(row: JsonRow): RunRecord {
  const id = String(row.id);
  return {
    run_id: id,
    root_run_id: str(row.root_run_id) ?? id,
    parent_run_id: str(row.parent_run_id),
    parent_step_id: str(row.parent_step_id),
    segment_id: String(row.segment_id),
    revision: num(row.revision),
    status: String(row.status) as RunStatus,
    input: json(row.input),
    output: json(row.output),
    error: (row.error ?? null) as RunError | null,
    correlation_id: str(row.correlation_id) ?? id,
    created_by: String(row.created_by),
    input_tokens: num(row.input_tokens),
    output_tokens: num(row.output_tokens),
    cost: num(row.cost),
    control: str(row.control) as RunControl | null,
    wake_at: iso(row.wake_at),
    // Optional in RunRecord: present only for runs started with a timeout, as the engine wrote it.
    ...(row.deadline_at === null || row.deadline_at === undefined ? {} : { deadline_at: iso(row.deadline_at) }),
    // Likewise only for re-runs.
    ...(typeof row.rerun_of_run_id === "string" ? { rerun_of: { run_id: row.rerun_of_run_id, step_id: String(row.rerun_from_step) } } : {}),
    created_at: requiredIso(row.created_at, "runs.created_at"),
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
  };
}

export function stepFromRow(row: JsonRow): StepRecord {
  return {
    step_id: String(row.step_id),
    attempt: num(row.attempt),
    status: String(row.status) as StepStatus,
    input: json(row.input),
    output: json(row.output),
    error: (row.error ?? null) as StepErrorInfo | null,
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
    reused: row.reused === true,
    wake_at: iso(row.wake_at),
    suspended: row.suspended === true,
    state: json(row.state),
    children: Array.isArray(row.children) ? (row.children as ChildRef[]) : [],
    approval_id: str(row.approval_id),
    routes: Array.isArray(row.routes) ? (row.routes as number[]) : null,
    input_tokens: num(row.input_tokens),
    output_tokens: num(row.output_tokens),
    cost: num(row.cost),
  };
}

export function approvalFromRow(row: JsonRow): ApprovalRecord {
  return {
    approval_id: String(row.id),
    run_id: String(row.run_id),
    root_run_id: String(row.root_run_id),
    segment_id: String(row.segment_id),
    step_id: String(row.step_id),
    attempt: num(row.attempt),
    status: String(row.status) as ApprovalRecord["status"],
    title: String(row.title),
    instructions: str(row.instructions),
    data: json(row.data),
    form: (row.form ?? null) as ApprovalRecord["form"],
    decision: str(row.decision) as ApprovalRecord["decision"],
    edited: row.edited === true,
    result: json(row.result),
    comment: str(row.comment),
    decided_by: str(row.decided_by),
    decided_at: iso(row.decided_at),
    expires_at: iso(row.expires_at),
    created_at: requiredIso(row.created_at, "approvals.created_at"),
  };
}

/** A child run as its parent sees it (from a `runs` row). */
export function childFromRow(row: JsonRow): ChildRunSummary {
  return {
    run_id: String(row.id),
    status: String(row.status) as RunStatus,
    output: json(row.output),
    error: (row.error ?? null) as RunError | null,
    input_tokens: num(row.input_tokens),
    output_tokens: num(row.output_tokens),
    cost: num(row.cost),
  };
}

/** An event row plus its run's `root_run_id` and `segment_id` (not repeated on every event row). */
export function eventFromRow(row: JsonRow): RunEvent {
  const stepId = str(row.step_id);
  const event = {
    event_id: String(row.id),
    run_id: String(row.run_id),
    root_run_id: str(row.root_run_id) ?? String(row.run_id),
    segment_id: String(row.segment_id),
    seq: num(row.seq),
    type: String(row.type),
    ...(stepId === null ? {} : { step_id: stepId }),
    ts: requiredIso(row.ts, "run_events.ts"),
    correlation_id: str(row.correlation_id) ?? "",
    payload: json(row.payload),
  };
  return event as RunEvent;
}

// ---------------------------------------------------------------------------------------------
// Writes: records go to the PL/pgSQL functions of the migration `*_run_store_functions` as jsonb
// arrays of the records themselves, expanded there by `jsonb_to_recordset(...) AS v(<record
// fields with SQL types>)`. Those column lists are the record → row half of this mapping.

/** JSON's escape of U+0000 (NUL), not itself preceded by an escaping backslash. */
const ESCAPED_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * JSON text that jsonb accepts. PostgreSQL refuses U+0000 in jsonb strings ("unsupported
 * Unicode escape sequence"): a step output holding one (a binary HTTP body, say) would fail
 * every commit of its run. It is stored as U+FFFD, the replacement character, instead.
 */
export function jsonbText(value: unknown): string {
  const text = JSON.stringify(value);
  return text.includes("\\u0000") ? text.replace(ESCAPED_NUL, "$1\\ufffd") : text;
}

/** A list of records as one jsonb parameter (an undefined field becomes NULL). */
export const recordsParam = (records: readonly object[]): string => jsonbText(records);

/** A JSON value as a jsonb parameter; null/undefined → SQL NULL. */
export const jsonParam = (value: unknown): string | null => (value === null || value === undefined ? null : jsonbText(value));
