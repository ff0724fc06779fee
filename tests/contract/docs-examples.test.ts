import { validateSegment } from "../../src/shared/validation";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSegment } from "../../src/shared/segment";

/** ```json fences of docs/contracts/segment-json.md preceded by `<!-- example: valid|invalid|problems -->`. */
interface Example {
  kind: string;
  json: unknown;
  line: number;
}

const markdown = readFileSync(new URL("../../docs/contracts/segment-json.md", import.meta.url), "utf8");

function extractExamples(text: string): Example[] {
  const pattern = /<!--\s*example:\s*(\w+)\s*-->\s*\n```json\n([\s\S]*?)\n```/g;
  return [...text.matchAll(pattern)].map((match) => ({
    kind: match[1] ?? "",
    json: JSON.parse(match[2] ?? "") as unknown,
    line: text.slice(0, match.index).split("\n").length,
  }));
}

const examples = extractExamples(markdown);

describe("docs/contracts/segment-json.md examples", () => {
  it("has a marker before every ```json fence and at least 3 examples (valid and invalid)", () => {
    const fences = markdown.match(/```json\n/g) ?? [];
    expect(examples).toHaveLength(fences.length);
    expect(examples.filter((e) => e.kind === "valid").length).toBeGreaterThanOrEqual(2);
    expect(examples.filter((e) => e.kind === "invalid").length).toBeGreaterThanOrEqual(1);
    for (const e of examples) expect(["valid", "invalid", "problems"]).toContain(e.kind);
  });

  for (const [index, example] of examples.entries()) {
    if (example.kind === "valid") {
      it(`valid example at line ${example.line} parses`, () => {
        const result = parseSegment(example.json);
        expect(result.ok ? [] : result.problems).toEqual([]);
      });
      it(`valid example at line ${example.line} is also a runnable workflow (no validation problem)`, () => {
        expect(validateSegment(example.json).problems).toEqual([]);
      });
    }
    if (example.kind === "invalid") {
      it(`invalid example at line ${example.line} fails with exactly the documented problems`, () => {
        const documented = examples[index + 1];
        expect(documented?.kind, "an invalid example must be followed by its problems list").toBe("problems");
        const result = parseSegment(example.json);
        expect(result.ok).toBe(false);
        expect(result.ok ? [] : result.problems).toEqual(documented?.json);
      });
    }
  }
});
