/** "Did you mean …?" for unknown keys: the closest allowed key within a small edit distance. */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** `entryPoint`, `entry-point` and `entry_point` all normalize to `entrypoint`. */
const normalize = (key: string): string => key.toLowerCase().replace(/[-_\s]/g, "");

const commonPrefixLength = (a: string, b: string): number => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * The allowed key closest to `key`, or undefined when none is close enough:
 * - equal up to case and `_`/`-` (`entryPoint` → `entrypoint`), or
 * - at most 2 edits away (1 for keys of 2–3 characters, none for single characters, so short
 *   unrelated keys are not "corrected"), or
 * - a shortened form: shares all but the last 2 characters of `key`, at least 4
 *   (`timeout_secs` / `timeout` → `timeout_seconds`).
 */
export function suggestKey(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const budget = Math.min(2, Math.floor(key.length / 2));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of allowed) {
    if (candidate === key) continue;
    const distance = normalize(candidate) === normalize(key) ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= budget) return best;

  const minPrefix = Math.max(4, key.length - 2);
  let bestPrefix = 0;
  let prefixMatch: string | undefined;
  for (const candidate of allowed) {
    const shared = commonPrefixLength(lower, candidate.toLowerCase());
    if (shared >= minPrefix && shared > bestPrefix) {
      bestPrefix = shared;
      prefixMatch = candidate;
    }
  }
  return prefixMatch;
}
