"use client";
/**
 * Local edits of a value that lives in the editor store, committed after a pause in typing
 * (default 400 ms) or on `flush()` (blur, unmount), so one undo step ≈ one burst of typing
 * and the store is not rewritten on every keystroke.
 *
 * - Keystrokes are never lost to our own commits: the value the store echoes back equals
 *   the one we wrote, so the draft (which may hold newer typing) is kept.
 * - The store wins when it changes for any other reason (undo, redo, a rename, another
 *   panel): the draft is replaced by the store's value and a pending commit is dropped.
 * - `fromDraft` may return SKIP when the draft cannot be written yet (an empty name, a
 *   field list with duplicates): it stays a draft until it can.
 * The rules themselves are pure functions in draft-state.ts.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { commitDraft, editDraft, initialDraft, SKIP, syncDraft, type DraftState } from "./draft-state";
import { jsonEqual } from "./json-value";

export { SKIP };

type DraftOptions<V, D> = {
  /** The store's current value. */
  value: V;
  commit: (value: V) => void;
  toDraft: (value: V) => D;
  fromDraft: (draft: D) => V | typeof SKIP;
  delay?: number;
  equals?: (a: V, b: V) => boolean;
};

export type Draft<D> = {
  draft: D;
  /** Replaces the draft and (re)starts the idle timer. */
  setDraft: (draft: D) => void;
  /** Commits a pending draft now. */
  flush: () => void;
  /** The draft holds changes not in the store yet. */
  dirty: boolean;
};

export const DRAFT_IDLE_MS = 400;

export function useDraft<V, D>(options: DraftOptions<V, D>): Draft<D> {
  const { value, toDraft, delay = DRAFT_IDLE_MS, equals = jsonEqual } = options;
  const [state, setState] = useState<DraftState<V, D>>(() => initialDraft(value, toDraft));

  // The store changed under us (undo, redo, another panel): show what it holds now.
  const current = syncDraft(state, value, toDraft, equals);
  if (current !== state) setState(current);

  const latest = useRef({ state: current, options });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLayoutEffect(() => {
    latest.current = { state: current, options };
  });

  const flush = useCallback(() => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const { state: now, options: opts } = latest.current;
    const { state: next, write } = commitDraft(now, opts.fromDraft, opts.equals ?? jsonEqual);
    if (next === now) return;
    // Record what we write before writing it, so the store's echo is recognised as ours.
    latest.current = { ...latest.current, state: next };
    setState(next);
    if (write) opts.commit(write.value);
  }, []);

  const setDraft = useCallback(
    (draft: D) => {
      const next = editDraft(latest.current.state, draft);
      latest.current = { ...latest.current, state: next };
      setState(next);
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    },
    [flush, delay],
  );

  // Leaving (another step selected, panel closed) writes what was typed.
  useEffect(() => flush, [flush]);

  return { draft: current.draft, setDraft, flush, dirty: current.dirty };
}

const identity = <T>(value: T): T => value;

/** useDraft for values edited as they are (text, numbers, config objects). */
export function useValueDraft<V>(value: V, commit: (value: V) => void, options: { delay?: number } = {}): Draft<V> {
  return useDraft<V, V>({ value, commit, toDraft: identity, fromDraft: identity, ...options });
}
