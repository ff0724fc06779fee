/**
 * Finding step types in the catalog, for the palette and the quick-add search. Everything
 * shown comes from the catalog metadata; only the category headings are worded here.
 */
import { builtinCatalog, STEP_CATEGORIES, type StepCategory, type StepTypeMetadata } from "@/shared/catalog";

export type CatalogEntry = Pick<StepTypeMetadata, "type_id" | "display_name" | "description" | "category" | "icon">;
export type CatalogSection = { category: StepCategory; title: string; entries: CatalogEntry[] };

export const CATEGORY_TITLES: Readonly<Record<StepCategory, string>> = {
  ai: "AI",
  logic: "Logic",
  integration: "Integrations",
  human: "Human in the loop",
  flow: "Flow control",
};

/** Drag-and-drop payload type of a palette item (the step type id). */
export const STEP_TYPE_MIME = "application/x-llmteam-step-type";

export const catalogEntries = (): CatalogEntry[] => builtinCatalog.list();

const normalize = (text: string) => text.toLowerCase().replace(/[_-]+/g, " ");

/**
 * How well an entry matches (higher is better), or null when some word of the query is
 * found nowhere. Name matches beat type-id matches beat description matches.
 */
export function matchScore(entry: CatalogEntry, query: string): number | null {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const name = normalize(entry.display_name);
  const typeId = normalize(entry.type_id);
  const description = normalize(entry.description);
  const category = normalize(CATEGORY_TITLES[entry.category] ?? entry.category);
  let score = 0;
  for (const word of words) {
    if (name.startsWith(word)) score += 8;
    else if (name.split(" ").some((part) => part.startsWith(word))) score += 6;
    else if (name.includes(word)) score += 4;
    else if (typeId.includes(word) || entry.type_id.toLowerCase().includes(word)) score += 3;
    else if (category.includes(word)) score += 2;
    else if (description.includes(word)) score += 1;
    else return null;
  }
  return score;
}

/** The palette: matching entries grouped by category, in catalog order; empty sections dropped. */
export function searchCatalog(query: string, entries: readonly CatalogEntry[] = catalogEntries()): CatalogSection[] {
  return STEP_CATEGORIES.map((category) => ({
    category,
    title: CATEGORY_TITLES[category],
    entries: entries.filter((e) => e.category === category && matchScore(e, query) !== null),
  })).filter((section) => section.entries.length > 0);
}

/** Quick-add: the best matches first (catalog order breaks ties); all types for an empty query. */
export function rankCatalog(query: string, entries: readonly CatalogEntry[] = catalogEntries()): CatalogEntry[] {
  if (query.trim() === "") return [...entries];
  return entries
    .map((entry, order) => ({ entry, order, score: matchScore(entry, query) }))
    .filter((x): x is { entry: CatalogEntry; order: number; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((x) => x.entry);
}
