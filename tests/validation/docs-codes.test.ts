import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PROBLEM_CODES, PROBLEM_SEVERITY, validateSegment } from "../../src/shared/validation";

/**
 * The "Validation" section of docs/contracts/segment-json.md: its code table matches the
 * validator's codes and severities, and every `<!-- validation-example: <code> -->` document
 * produces exactly the problems in the `<!-- validation-problems -->` fence after it.
 * (The fences are ```jsonc so tests/contract/docs-examples.test.ts, which owns ```json, skips them.)
 */
const markdown = readFileSync(new URL("../../docs/contracts/segment-json.md", import.meta.url), "utf8");
const section = markdown.slice(markdown.indexOf("\n## Validation"));

const table = [...section.matchAll(/^\| `([a-z_]+)` \| (error|warning) \|/gm)].map((m) => ({ code: m[1]!, severity: m[2]! }));

interface Example {
  code: string;
  doc: unknown;
  problems: unknown;
  line: number;
}

const examples: Example[] = [
  ...section.matchAll(
    /<!-- validation-example: ([a-z_]+) -->\n```jsonc\n([\s\S]*?)\n```\s*<!-- validation-problems -->\n```jsonc\n([\s\S]*?)\n```/g,
  ),
].map((m) => ({
  code: m[1]!,
  doc: JSON.parse(m[2]!) as unknown,
  problems: JSON.parse(m[3]!) as unknown,
  line: markdown.slice(0, markdown.indexOf(m[0])).split("\n").length,
}));

describe("docs/contracts/segment-json.md § Validation", () => {
  it("the section exists", () => {
    expect(section.length).toBeGreaterThan(100);
  });

  it("its table lists every validation code once, with the validator's severity, and no other", () => {
    expect(table.map((row) => row.code).sort()).toEqual([...PROBLEM_CODES].sort());
    for (const row of table) expect(row.severity, row.code).toBe(PROBLEM_SEVERITY[row.code as keyof typeof PROBLEM_SEVERITY]);
  });

  it("every code mentioned as `validation-example` exists, and every code has an example", () => {
    expect(examples.map((e) => e.code).sort()).toEqual([...PROBLEM_CODES].sort());
    expect([...section.matchAll(/validation-example/g)].length).toBe(examples.length);
  });

  it.each(examples.map((e) => [e.code, e.line, e] as const))("the %s example (line %i) gives exactly its documented problems", (code, _line, example) => {
    const result = validateSegment(example.doc);
    expect(result.problems).toEqual(example.problems);
    expect(result.problems.map((p) => p.code)).toContain(code);
  });
});
