/** The segment's non-graph fields (name, description, entrypoint, input_schema, metadata). */
import type { SegmentBase } from "../lib/flow-convert";
import type { StoreKit } from "./kit";
import type { SegmentSlice } from "./types";

type BasePatch = Parameters<SegmentSlice["updateBase"]>[0];

export function createSegmentSlice(kit: StoreKit, base: SegmentBase): SegmentSlice {
  return {
    base,
    updateBase: (patch) => {
      const doc = kit.doc();
      const next = patchedBase(doc.base, patch);
      if (next !== doc.base) kit.commit({ ...doc, base: next });
    },
    setEntrypoint: (stepId) => {
      const doc = kit.doc();
      if (doc.base.entrypoint === stepId || !doc.steps.some((s) => s.id === stepId)) return;
      kit.commit({ ...doc, base: { ...doc.base, entrypoint: stepId } });
    },
  };
}

/**
 * The base with the patch applied; a key given as undefined is removed. `metadata.ui` belongs
 * to the editor (groups): a metadata patch without a `ui` key keeps the current one.
 */
export function patchedBase(base: SegmentBase, patch: BasePatch): SegmentBase {
  const next: Record<string, unknown> = { ...base };
  let changed = false;
  for (const [key, value] of Object.entries(patch) as [keyof BasePatch, unknown][]) {
    let incoming = value;
    if (key === "metadata" && base.metadata?.ui !== undefined) {
      const given = (value ?? {}) as Record<string, unknown>;
      if (!("ui" in given)) incoming = { ...given, ui: base.metadata.ui };
    }
    if (incoming === undefined) {
      if (key in next) {
        delete next[key];
        changed = true;
      }
    } else if (next[key] !== incoming) {
      next[key] = incoming;
      changed = true;
    }
  }
  return changed ? (next as SegmentBase) : base;
}
