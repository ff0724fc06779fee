/**
 * The clipboard text of copied steps: `{"llmteam_clipboard": 1, "steps": [...], "edges": [...]}`
 * with steps and edges in the segment contract (steps keep their `ui`, so positions survive).
 * Reading also accepts a whole segment document (its steps and edges).
 */
import { edgeSchema, stepSchema, type Edge, type Step } from "@/shared/segment";

export const CLIPBOARD_FORMAT_VERSION = 1;
export const NOT_OURS = "The clipboard does not hold LLMTeam steps.";

export type ClipboardContent = {
  steps: Step[];
  edges: Edge[];
  /** The entrypoint when a whole segment was pasted. */
  entrypoint?: string;
};

export function clipboardText(steps: readonly Step[], edges: readonly Edge[]): string {
  return JSON.stringify({ llmteam_clipboard: CLIPBOARD_FORMAT_VERSION, steps, edges }, null, 2);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export type ClipboardRead = { ok: true; content: ClipboardContent } | { ok: false; reason: string };

/** Steps and edges from clipboard text, or why the text is not ours. */
export function readClipboard(text: string): ClipboardRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, reason: NOT_OURS };
  }
  if (!isRecord(doc) || !Array.isArray(doc.steps)) return { ok: false, reason: NOT_OURS };
  const ours = doc.llmteam_clipboard !== undefined;
  if (ours && doc.llmteam_clipboard !== CLIPBOARD_FORMAT_VERSION) {
    return { ok: false, reason: "The clipboard holds LLMTeam steps from a newer version of the editor." };
  }
  // A whole segment names its format (version, segment_id or entrypoint); a bare {steps} is not ours.
  if (!ours && doc.entrypoint === undefined && doc.segment_id === undefined) return { ok: false, reason: NOT_OURS };
  const steps: Step[] = [];
  for (const raw of doc.steps) {
    const parsed = stepSchema.safeParse(raw);
    if (!parsed.success) {
      const id = isRecord(raw) && typeof raw.step_id === "string" ? ` “${raw.step_id}”` : "";
      return { ok: false, reason: `The clipboard's step${id} is not a valid step: ${parsed.error.issues[0]?.message ?? "unknown problem"}.` };
    }
    steps.push(parsed.data);
  }
  if (steps.length === 0) return { ok: false, reason: "The clipboard holds no steps." };
  const edges: Edge[] = [];
  for (const raw of Array.isArray(doc.edges) ? doc.edges : []) {
    const parsed = edgeSchema.safeParse(raw);
    if (parsed.success) edges.push(parsed.data);
  }
  const content: ClipboardContent = { steps, edges };
  if (!ours && typeof doc.entrypoint === "string") content.entrypoint = doc.entrypoint;
  return { ok: true, content };
}
