/** Display name → segment_id. Pure and isomorphic (no Intl or node APIs beyond String.normalize). */
import { SEGMENT_ID_MAX_LENGTH, SEGMENT_ID_PATTERN } from "./ids";

export const FALLBACK_SEGMENT_ID = "segment";

/** Russian (plus common Ukrainian/Belarusian letters) → Latin, simplified BGN/PCGN style. */
const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f",
  х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
  і: "i", ї: "yi", є: "ye", ґ: "g", ў: "u",
};

/** Latin letters that NFKD does not split into base letter + accent. */
const LATIN: Record<string, string> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h", ŀ: "l",
};

function transliterate(text: string): string {
  let out = "";
  for (const char of text) out += CYRILLIC[char] ?? LATIN[char] ?? char;
  return out;
}

/**
 * A valid segment_id made from a display name: "Café Flow" → "cafe-flow",
 * "Статья" → "statya". Lowercase ASCII; every run of other characters becomes one "-";
 * no leading/trailing "-"; at most 64 characters; "segment" when nothing is left.
 */
export function slugify(name: string): string {
  // NFC first so "й"/"ё" are transliterated whole, before NFKD strips accents off Latin letters.
  const latin = transliterate(name.normalize("NFC").toLowerCase())
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const slug = latin
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SEGMENT_ID_MAX_LENGTH)
    .replace(/-+$/, "");
  return slug === "" ? FALLBACK_SEGMENT_ID : slug;
}

/** True when `id` is an acceptable segment_id (lowercase slug, 1–64 characters). */
export function isValidSegmentId(id: unknown): id is string {
  return typeof id === "string" && SEGMENT_ID_PATTERN.test(id);
}
