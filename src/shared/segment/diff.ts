/**
 * What changed between two saved revisions of a segment, as the revision history summarizes
 * it. Pure and isomorphic: the server computes it for `segments.revisions`; the browser may
 * reuse it (e.g. "unsaved changes" against the latest revision).
 *
 * Documents are read loosely (a stored document is JSON, not necessarily a parsed Segment):
 * steps without a string `step_id` and edges that are not objects are ignored.
 * Editor layout is what is not meaning: each step's `ui` and the segment's `metadata.ui`
 * (groups); a change confined to those is `layout_only`.
 */
import { canonicalJson } from "./canonical-json";

/**
 * Same shape as `RevisionDiff` (shared/resources/segment-resource), restated because this
 * folder imports only itself; the revisions service returns one as the other, so the
 * compiler keeps them equal.
 */
export interface SegmentDiff {
  steps_added: string[];
  steps_removed: string[];
  /** Same step_id, different type/config/name/retry/timeout_seconds/on_error. */
  steps_changed: string[];
  edges_added: number;
  edges_removed: number;
  /** name, description, entrypoint, input_schema or metadata (but `metadata.ui`). */
  settings_changed: boolean;
  /** Only layout changed: step positions (`ui`) or groups (`metadata.ui`). */
  layout_only: boolean;
}

type Json = Record<string, unknown>;

/** Step fields that change what the step does (not `ui`). */
const STEP_FIELDS = ["type", "config", "name", "retry", "timeout_seconds", "on_error"] as const;
/** Segment fields shown as settings. `metadata` is compared without its `ui` key. */
const SETTING_FIELDS = ["name", "description", "entrypoint", "input_schema"] as const;
const EDGE_FIELDS = ["from_step", "to_step", "from_port", "to_port", "condition"] as const;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function list(doc: Json | null, key: "steps" | "edges"): Json[] {
  const value = doc?.[key];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function stepsById(doc: Json | null): Map<string, Json> {
  const byId = new Map<string, Json>();
  for (const step of list(doc, "steps")) {
    if (typeof step.step_id === "string" && !byId.has(step.step_id)) byId.set(step.step_id, step);
  }
  return byId;
}

const pick = (value: Json | null | undefined, keys: readonly string[]): string =>
  canonicalJson(Object.fromEntries(keys.map((k) => [k, value?.[k]])));

/** How many of each edge (by its ends, ports and condition): edges have no id. */
function edgeCounts(doc: Json | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const edge of list(doc, "edges")) {
    const key = pick(edge, EDGE_FIELDS);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Occurrences in `a` beyond those in `b`. */
function surplus(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  for (const [key, count] of a) total += Math.max(0, count - (b.get(key) ?? 0));
  return total;
}

function metadataParts(doc: Json | null): { meaning: string; layout: string } {
  const metadata = isObject(doc?.metadata) ? doc.metadata : undefined;
  if (!metadata) return { meaning: canonicalJson(undefined), layout: canonicalJson(undefined) };
  const { ui, ...rest } = metadata;
  return { meaning: canonicalJson(Object.keys(rest).length > 0 ? rest : undefined), layout: canonicalJson(ui) };
}

/**
 * The difference from `previous` to `next`. Without a previous revision (revision 1)
 * every step and edge counts as added and nothing as changed.
 */
export function diffSegments(previous: unknown, next: unknown): SegmentDiff {
  const before = isObject(previous) ? previous : null;
  const after = isObject(next) ? next : null;
  const oldSteps = stepsById(before);
  const newSteps = stepsById(after);

  const steps_added = [...newSteps.keys()].filter((id) => !oldSteps.has(id));
  const steps_removed = [...oldSteps.keys()].filter((id) => !newSteps.has(id));
  const steps_changed: string[] = [];
  let stepLayoutChanged = false;
  for (const [id, step] of newSteps) {
    const old = oldSteps.get(id);
    if (!old) continue;
    if (pick(old, STEP_FIELDS) !== pick(step, STEP_FIELDS)) steps_changed.push(id);
    if (canonicalJson(old.ui) !== canonicalJson(step.ui)) stepLayoutChanged = true;
  }

  const oldEdges = edgeCounts(before);
  const newEdges = edgeCounts(after);
  const edges_added = surplus(newEdges, oldEdges);
  const edges_removed = surplus(oldEdges, newEdges);

  if (!before) {
    return { steps_added, steps_removed, steps_changed, edges_added, edges_removed, settings_changed: false, layout_only: false };
  }

  const oldMeta = metadataParts(before);
  const newMeta = metadataParts(after);
  const settings_changed = pick(before, SETTING_FIELDS) !== pick(after, SETTING_FIELDS) || oldMeta.meaning !== newMeta.meaning;
  const meaningChanged =
    settings_changed ||
    steps_added.length > 0 ||
    steps_removed.length > 0 ||
    steps_changed.length > 0 ||
    edges_added > 0 ||
    edges_removed > 0;
  const layoutChanged = stepLayoutChanged || oldMeta.layout !== newMeta.layout;
  return {
    steps_added,
    steps_removed,
    steps_changed,
    edges_added,
    edges_removed,
    settings_changed,
    layout_only: !meaningChanged && layoutChanged,
  };
}
