/**
 * The rules of a draft over a store value (see use-draft.ts), as pure transitions:
 * - `base` is the store value the draft was last in step with (synced from, or written to);
 * - the store changing to anything but `base` is an outside change, and it wins;
 * - a commit records what it writes as the new `base` first, so the store's echo of it is
 *   not mistaken for an outside change and newer typing in the draft survives.
 */
export const SKIP = Symbol("skip");

export type DraftState<V, D> = { draft: D; base: V; dirty: boolean };

export function initialDraft<V, D>(value: V, toDraft: (value: V) => D): DraftState<V, D> {
  return { draft: toDraft(value), base: value, dirty: false };
}

/** The state after the store showed `value`: unchanged, or the store's value replacing the draft. */
export function syncDraft<V, D>(
  state: DraftState<V, D>,
  value: V,
  toDraft: (value: V) => D,
  equals: (a: V, b: V) => boolean,
): DraftState<V, D> {
  return equals(value, state.base) ? state : initialDraft(value, toDraft);
}

export function editDraft<V, D>(state: DraftState<V, D>, draft: D): DraftState<V, D> {
  return { ...state, draft, dirty: true };
}

/**
 * What committing now means: the next state, and the value to write (absent when there is
 * nothing new to write, or the draft cannot be written yet).
 */
export function commitDraft<V, D>(
  state: DraftState<V, D>,
  fromDraft: (draft: D) => V | typeof SKIP,
  equals: (a: V, b: V) => boolean,
): { state: DraftState<V, D>; write?: { value: V } } {
  if (!state.dirty) return { state };
  const next = fromDraft(state.draft);
  if (next === SKIP) return { state };
  const committed = { draft: state.draft, base: next, dirty: false };
  return equals(next, state.base) ? { state: committed } : { state: committed, write: { value: next } };
}
