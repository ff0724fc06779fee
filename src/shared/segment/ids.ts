/**
 * Identifier rules of the segment contract. Plain constants, no zod: used by the schema,
 * by slugify() and by anything that needs to check an id without parsing a whole segment.
 */

/** Contract format version written as `"version"` in a segment document. */
export const CONTRACT_VERSION = "1.0";

export const SEGMENT_ID_MAX_LENGTH = 64;
/** Lowercase slug: starts with a letter or digit, then letters, digits, `_` or `-`; 1–64 chars. */
export const SEGMENT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const STEP_ID_MAX_LENGTH = 64;
/** llmteam step ids such as `research` or `step_1`: letters, digits, `_` and `-`, not starting with `-`. */
export const STEP_ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

export const NAME_MAX_LENGTH = 200;
