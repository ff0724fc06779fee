/** Fresh and renamed step ids: unique in the segment and valid per the contract (STEP_ID_PATTERN). */
import { STEP_ID_MAX_LENGTH, STEP_ID_PATTERN } from "@/shared/segment";

/** Room left for a `_123` suffix within the contract's length limit. */
const SUFFIX_ROOM = 8;

/** A valid id from any text (a type id, a pasted id): invalid characters become "_". */
export function idStem(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^-+/, "").slice(0, STEP_ID_MAX_LENGTH);
  return cleaned === "" ? "step" : cleaned;
}

/** `stem`, else `stem_2`, `stem_3`, ... : the first one not in `taken` (a taken `x_2` continues as `x_3`). */
export function uniqueStepId(stem: string, taken: ReadonlySet<string>): string {
  const whole = idStem(stem);
  if (!taken.has(whole)) return whole;
  const numbered = /^(.*)_(\d+)$/.exec(whole);
  const base = (numbered?.[1] || whole).slice(0, STEP_ID_MAX_LENGTH - SUFFIX_ROOM);
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Why `id` cannot be a step id (a sentence for the user), or null when it can. */
export function stepIdProblem(id: string, taken: ReadonlySet<string>): string | null {
  if (id === "") return "The step id must not be empty.";
  if (id.length > STEP_ID_MAX_LENGTH) return `The step id must be at most ${STEP_ID_MAX_LENGTH} characters.`;
  if (!STEP_ID_PATTERN.test(id)) {
    return 'The step id may contain only letters, digits, "_" and "-", and must not start with "-".';
  }
  if (taken.has(id)) return `Another step already has the id "${id}".`;
  return null;
}
