/** Importing a segment file: syntax errors say where, odd files still open, and what loading dropped is reported. */
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "@/features/editor/lib/json-syntax";
import { importFailureOf, parseJsonText, prepareImport, problemsFixedByLoading } from "@/features/editor/components/import-export/parse-import";
import { segmentFileName, segmentFileText } from "@/features/editor/components/import-export/export-segment";
import { readSegmentDocument } from "@/features/editor/lib/read-document";
import { validateSegment } from "@/shared/validation";
import { noUiSegment, richSegment } from "./fixtures";

const current = { segment_id: "mine", name: "Mine" };

describe("JSON syntax errors", () => {
  it("points at the line and column of a missing comma", () => {
    const text = '{\n  "name": "x",\n  "steps": []\n  "edges": []\n}';
    expect(parseJsonText(text)).toMatchObject({ ok: false, line: 4, column: 3, message: expect.stringContaining('Expected "," or "}"') });
  });

  it("finds errors JSON.parse reports without a position (bare words, single quotes)", () => {
    expect(findJsonSyntaxError('{"a": abc}')).toMatchObject({ line: 1, column: 7 });
    expect(findJsonSyntaxError("{\n  'a': 1\n}")).toMatchObject({ line: 2, column: 3, message: expect.stringContaining("double quotes") });
  });

  it("names trailing commas, unclosed strings and a cut-off file", () => {
    expect(findJsonSyntaxError('{"a": [1, 2,]}')?.message).toContain("Trailing comma");
    expect(findJsonSyntaxError('{"a": "open\n}')).toMatchObject({ line: 1, column: 12, message: expect.stringContaining("span lines") });
    expect(findJsonSyntaxError('{"steps": [')).toMatchObject({ message: expect.stringContaining("the end of the text") });
    expect(findJsonSyntaxError("")?.message).toBe("The text is empty");
  });

  it("accepts everything JSON.parse accepts", () => {
    for (const text of ['{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"]}', " [ ] ", '"x"', JSON.stringify(richSegment(), null, 2)]) {
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it("refuses JSON that is not a segment with a reason", () => {
    expect(importFailureOf("[1, 2]")?.message).toContain("not a segment");
    expect(importFailureOf('{"hello": 1}')?.message).toContain("no steps, edges or entrypoint");
    expect(importFailureOf(JSON.stringify(noUiSegment()))).toBeNull();
  });
});

describe("prepareImport", () => {
  it("loads an exported segment as it was, under this segment's id, with a notice", () => {
    const exported = JSON.parse(segmentFileText(richSegment())) as unknown;
    const prepared = prepareImport(exported, current);
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.segment).toEqual({ ...richSegment(), segment_id: "mine" });
    expect(prepared.notices).toEqual(['The file\'s segment id "rich" was replaced by this segment\'s id "mine".']);
    expect(prepared.fileProblems).toEqual(validateSegment({ ...richSegment(), segment_id: "mine" }).problems);
  });

  it("opens a file with contract problems instead of refusing it, and reports what loading dropped", () => {
    const file = {
      segment_id: "mine",
      name: "Odd",
      entrypoint: "a",
      colour: "blue",
      steps: [{ step_id: "a", type: "transform", config: { expression: "input" }, bogus: 1 }, { type: "transform" }],
      edges: [{ from_step: "a", to_step: "ghost" }],
    };
    const prepared = prepareImport(file, current);
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.notices).toEqual([]);
    expect(prepared.segment.steps.map((s) => s.step_id)).toEqual(["a"]);
    const loaded = validateSegment(prepared.segment).problems;
    const fixed = problemsFixedByLoading(prepared.fileProblems, loaded);
    // The unknown keys are gone from the canvas: only the import notes can tell the user.
    expect(fixed.map((p) => p.code)).toContain("unknown_key");
    // The dangling edge is still in the document, so it is in the live list, not in the notes.
    expect(loaded.some((p) => p.code === "unknown_edge_endpoint")).toBe(true);
    expect(fixed.some((p) => p.code === "unknown_edge_endpoint")).toBe(false);
  });

  it("says when the file had no segment id", () => {
    const { segment_id: _id, ...withoutId } = noUiSegment();
    const prepared = prepareImport(withoutId, current);
    expect(prepared.ok && prepared.notices[0]).toContain("has no segment id");
  });
});

describe("export", () => {
  it("writes <segment_id>.json, pretty-printed, positions included, and reads back identical", () => {
    const segment = readSegmentDocument(richSegment(), current);
    expect(segmentFileName(segment)).toBe("rich.json");
    const text = segmentFileText(segment);
    expect(text).toContain('\n  "steps": [');
    expect(JSON.parse(text)).toEqual(richSegment());
  });
});
