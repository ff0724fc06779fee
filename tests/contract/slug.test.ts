import { describe, expect, it } from "vitest";
import { isValidSegmentId, SEGMENT_ID_PATTERN, slugify } from "../../src/shared/segment";

describe("slugify", () => {
  it.each([
    ["Article Writer", "article-writer"],
    ["  Hello,   World!!  ", "hello-world"],
    ["--already-slug--", "already-slug"],
    ["snake_case name", "snake-case-name"],
    ["Café Flow", "cafe-flow"],
    ["Ünïcödé Crème brûlée", "unicode-creme-brulee"],
    ["Straße Œuvre Łódź", "strasse-oeuvre-lodz"],
    ["Статья", "statya"],
    ["Щука, ёжик и йод", "shchuka-ezhik-i-yod"],
    ["Отчёт Q3 2025", "otchet-q3-2025"],
    ["v2.0 pipeline", "v2-0-pipeline"],
  ])("turns %j into %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it.each(["", "   ", "!!!", "日本語", "🚀"])("falls back to 'segment' when nothing usable is left (%j)", (name) => {
    expect(slugify(name)).toBe("segment");
  });

  it("cuts long names to 64 characters without a trailing dash", () => {
    expect(slugify("x".repeat(100))).toHaveLength(64);
    const cut = slugify(`${"a".repeat(63)} tail`);
    expect(cut).toBe("a".repeat(63));
  });

  it("always returns a valid segment_id", () => {
    const names = ["Café Flow", "Статья", "", "-_-", "A".repeat(300), "a b ".repeat(50), "Ω≈ç√∫", "_lead", "9 lives"];
    for (const name of names) {
      const id = slugify(name);
      expect(SEGMENT_ID_PATTERN.test(id), `${name} → ${id}`).toBe(true);
      expect(isValidSegmentId(id)).toBe(true);
    }
  });
});

describe("isValidSegmentId", () => {
  it("accepts slugs and rejects everything else", () => {
    expect(isValidSegmentId("article_writer")).toBe(true);
    expect(isValidSegmentId("a".repeat(64))).toBe(true);
    for (const bad of ["", "A", "-a", "_a", "a b", "a".repeat(65), 5, null, undefined]) {
      expect(isValidSegmentId(bad), String(bad)).toBe(false);
    }
  });
});
