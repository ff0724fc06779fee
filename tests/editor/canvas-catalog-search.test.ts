import { describe, expect, it } from "vitest";
import { builtinCatalog, STEP_CATEGORIES } from "@/shared/catalog";
import { matchScore, rankCatalog, searchCatalog } from "@/features/editor/components/palette/catalog-search";

describe("palette search", () => {
  it("empty query lists every catalog type, grouped by category in catalog order", () => {
    const sections = searchCatalog("");
    expect(sections.flatMap((s) => s.entries.map((e) => e.type_id))).toEqual(builtinCatalog.list().map((m) => m.type_id));
    const order = sections.map((s) => STEP_CATEGORIES.indexOf(s.category));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("finds by display name, type id and description, case-insensitively", () => {
    expect(searchCatalog("HTTP").flatMap((s) => s.entries.map((e) => e.type_id))).toContain("http_request");
    expect(searchCatalog("human_approval").flatMap((s) => s.entries.map((e) => e.type_id))).toEqual(["human_approval"]);
    expect(searchCatalog("jsonata").flatMap((s) => s.entries.map((e) => e.type_id))).toEqual(
      expect.arrayContaining(["condition", "transform"]),
    );
  });

  it("every word must match somewhere; no match drops empty sections", () => {
    expect(searchCatalog("llm zebra")).toEqual([]);
    expect(searchCatalog("llm agent").map((s) => s.category)).toEqual(["ai"]);
  });

  it("quick-add ranks name matches above description matches", () => {
    const ranked = rankCatalog("map").map((e) => e.type_id);
    expect(ranked[0]).toBe("map");
    const llm = builtinCatalog.get("llm_agent")!;
    expect(matchScore(llm, "llm")!).toBeGreaterThan(matchScore(llm, "prompt")!);
    expect(matchScore(llm, "nothing-like-it")).toBeNull();
  });
});
