"use client";
import { useState } from "react";

/**
 * `compute(a, b, previous result)`, recomputed once when `a` or `b` changes, handing over the
 * last result so the computation can extend it instead of starting over (see event-filter.ts).
 * Uses React's "adjust state while rendering" pattern: the new result is stored for the next
 * change, and this render already returns it.
 */
export function useIncremental<A, B, R>(compute: (a: A, b: B, prev: R | null) => R, a: A, b: B): R {
  const [memo, setMemo] = useState(() => ({ a, b, result: compute(a, b, null) }));
  if (memo.a !== a || memo.b !== b) {
    const result = compute(a, b, memo.result);
    setMemo({ a, b, result });
    return result;
  }
  return memo.result;
}
