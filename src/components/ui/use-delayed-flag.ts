"use client";
import { useEffect, useMemo, useState } from "react";

/**
 * `flag`, but turning true only once it has stayed true for `delayMs`; it turns false at once.
 * For busy indicators: an action that answers within the delay shows none (no flash, and no
 * animation competing with the update the action brings, e.g. the next step of a run after a
 * decision); a slow one shows it.
 */
export function useDelayedFlag(flag: boolean, delayMs: number): boolean {
  // A new token each time the flag turns true: a timer from an earlier episode never counts.
  const episode = useMemo(() => (flag ? {} : null), [flag]);
  const [elapsed, setElapsed] = useState<object | null>(null);
  useEffect(() => {
    if (episode === null) return;
    const timer = setTimeout(() => setElapsed(episode), delayMs);
    return () => clearTimeout(timer);
  }, [episode, delayMs]);
  return episode !== null && elapsed === episode;
}
