import { describe, expect, it } from "vitest";
import {
  countLines,
  describeSize,
  formatBytes,
  formatPath,
  guardText,
  hasChildren,
  initiallyExpanded,
  jsonByteSize,
  nextLimit,
  nextStringLimit,
  PAGE_SIZE,
  pageChildren,
  pageRanges,
  previewOf,
  safeStringify,
  sliceChildren,
  STRING_PREVIEW,
  STRING_STEP,
  truncateString,
} from "@/features/run-view/panels/json/json-model";
import { jsonFileName } from "@/features/run-view/panels/json/clipboard";

describe("json viewer: paging big containers", () => {
  const big = Array.from({ length: 100_000 }, (_, i) => ({ id: i }));

  it("opens a 100,000-item array with its first page only", () => {
    const page = pageChildren(big, PAGE_SIZE);
    expect(page.entries).toHaveLength(PAGE_SIZE);
    expect(page.entries[0]).toEqual({ key: 0, value: { id: 0 } });
    expect(page.entries.at(-1)!.key).toBe(PAGE_SIZE - 1);
    expect(page.hidden).toBe(100_000 - PAGE_SIZE);
  });

  it("'show more' adds one page and stops at the end", () => {
    expect(nextLimit(PAGE_SIZE, 1_000)).toBe(2 * PAGE_SIZE);
    expect(nextLimit(PAGE_SIZE, 150)).toBe(150);
    const page = pageChildren(big.slice(0, 150), nextLimit(PAGE_SIZE, 150));
    expect(page.entries).toHaveLength(150);
    expect(page.hidden).toBe(0);
  });

  it("pages object keys in insertion order, with the given key list", () => {
    const object = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`k${i}`, i]));
    const keys = Object.keys(object);
    const page = pageChildren(object, 200, keys);
    expect(page.entries.map((e) => e.key).slice(0, 3)).toEqual(["k0", "k1", "k2"]);
    expect(page.entries).toHaveLength(200);
    expect(page.hidden).toBe(50);
    expect(page.entries[199]).toEqual({ key: "k199", value: 199 });
  });

  it("renders shown children in pages, so 'show more' adds one page and leaves the others", () => {
    expect(pageRanges(0)).toEqual([]);
    expect(pageRanges(230)).toEqual([
      [0, 100],
      [100, 200],
      [200, 230],
    ]);
    expect(sliceChildren(big, 100, 103).map((e) => e.key)).toEqual([100, 101, 102]);
    const object = { a: 1, b: 2, c: 3 };
    expect(sliceChildren(object, 1, 3, Object.keys(object))).toEqual([
      { key: "b", value: 2 },
      { key: "c", value: 3 },
    ]);
    expect(sliceChildren(big, 99_998, 200_000)).toHaveLength(2);
  });

  it("treats empty containers as leaves and non-empty ones as openable", () => {
    expect(hasChildren({})).toBe(false);
    expect(hasChildren([])).toBe(false);
    expect(hasChildren({ a: 1 })).toBe(true);
    expect(hasChildren([0])).toBe(true);
    expect(hasChildren("text")).toBe(false);
    expect(hasChildren(null)).toBe(false);
  });

  it("opens the root, and its small children, but not big or deep ones", () => {
    expect(initiallyExpanded(0, big, 1)).toBe(true);
    expect(initiallyExpanded(1, { a: 1, b: 2 }, 3)).toBe(true);
    expect(initiallyExpanded(1, big, 3)).toBe(false);
    expect(initiallyExpanded(1, { a: 1 }, 500)).toBe(false);
    expect(initiallyExpanded(2, { a: 1 }, 1)).toBe(false);
  });
});

describe("json viewer: long strings", () => {
  it("shows the head of a long string and counts what is hidden", () => {
    const text = "x".repeat(1_000_000);
    const { text: head, hidden } = truncateString(text, STRING_PREVIEW);
    expect(head).toHaveLength(STRING_PREVIEW);
    expect(hidden).toBe(1_000_000 - STRING_PREVIEW);
  });

  it("leaves short strings whole", () => {
    expect(truncateString("hello", STRING_PREVIEW)).toEqual({ text: "hello", hidden: 0 });
  });

  it("never cuts an emoji in half", () => {
    const text = "a".repeat(9) + "😀" + "b".repeat(10);
    const { text: head } = truncateString(text, 10);
    expect(head.endsWith("😀")).toBe(true);
    expect(head).toHaveLength(11);
  });

  it("'show more' reveals the next chunk, up to the end", () => {
    expect(nextStringLimit(STRING_PREVIEW, 1_000_000)).toBe(STRING_PREVIEW + STRING_STEP);
    expect(nextStringLimit(STRING_PREVIEW, 500)).toBe(500);
  });
});

describe("json viewer: paths", () => {
  it("builds a JSONata path usable in templates", () => {
    expect(formatPath("input", ["items", 3, "name"])).toBe("input.items[3].name");
    expect(formatPath("", ["items", 0])).toBe("items[0]");
  });

  it("quotes keys that are not identifiers with backticks", () => {
    expect(formatPath("output", ["headers", "content-type"])).toBe("output.headers.`content-type`");
    expect(formatPath("", ["first name"])).toBe("`first name`");
  });

  it("names the root", () => {
    expect(formatPath("input", [])).toBe("input");
    expect(formatPath("", [])).toBe("$");
    expect(formatPath("", [2, "a"])).toBe("$[2].a");
  });
});

describe("json viewer: previews and sizes", () => {
  it("previews a collapsed object with its first keys and an ellipsis", () => {
    const preview = previewOf({ id: 1, name: "Ada", tags: ["a"], nested: { x: 1 }, more: 1, evenMore: 2, andMore: 3 }, 40);
    expect(preview.startsWith('{id: 1, name: "Ada"')).toBe(true);
    expect(preview.endsWith(", …}")).toBe(true);
    expect(preview.length).toBeLessThan(60);
  });

  it("shows a small array whole and marks nested containers", () => {
    expect(previewOf([1, 2, 3])).toBe("[1, 2, 3]");
    expect(previewOf([{ a: 1 }, [2]])).toBe("[{…}, […]]");
    expect(previewOf([])).toBe("[]");
  });

  it("shortens long strings in previews", () => {
    const preview = previewOf({ text: "y".repeat(500) });
    expect(preview.length).toBeLessThan(70);
    expect(preview).toContain("…");
  });

  it("describes container sizes", () => {
    expect(describeSize([1])).toBe("1 item");
    expect(describeSize(Array.from({ length: 12_000 }))).toBe("12,000 items");
    expect(describeSize({ a: 1, b: 2 })).toBe("2 keys");
  });

  it("measures JSON size in UTF-8 bytes", () => {
    expect(jsonByteSize({ a: 1 })).toBe(7);
    expect(jsonByteSize("é")).toBe(4); // "é" → quotes + 2 bytes
    expect(jsonByteSize(undefined)).toBeNull();
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(4300)).toBe("4.2 KB");
    expect(formatBytes(3.1 * 1024 * 1024)).toBe("3.1 MB");
  });

  it("has no JSON text for cycles instead of throwing", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(safeStringify(cyclic)).toBeNull();
  });
});

describe("json viewer: text view size guard", () => {
  const lines = Array.from({ length: 50_000 }, (_, i) => `  "key${i}": ${i},`).join("\n");

  it("shows only the head of a huge text, cut at a line end", () => {
    const { text, hidden } = guardText(lines, false, 100_000);
    expect(text.length).toBeLessThanOrEqual(100_000);
    expect(hidden).toBe(lines.length - text.length);
    expect(lines[text.length]).toBe("\n");
  });

  it("counts the lines shown and in total", () => {
    expect(countLines(lines)).toBe(50_000);
    expect(countLines("a\nb\n")).toBe(2);
    expect(countLines("")).toBe(0);
  });

  it("shows everything when asked, or when it is small", () => {
    expect(guardText(lines, true, 100_000).hidden).toBe(0);
    expect(guardText("{}", false, 100_000)).toEqual({ text: "{}", hidden: 0 });
  });
});

describe("json viewer: download file name", () => {
  it("turns the label into a safe .json file name", () => {
    expect(jsonFileName("Output of Fetch page")).toBe("output-of-fetch-page.json");
    expect(jsonFileName("Input of ../../etc/passwd")).toBe("input-of-etc-passwd.json");
    expect(jsonFileName("???")).toBe("data.json");
  });
});
