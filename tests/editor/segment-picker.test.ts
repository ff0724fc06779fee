import { describe, expect, it } from "vitest";
import { builtinCatalog } from "@/shared/catalog";
import { configFormSchema, fieldOptions } from "@/features/editor/forms/config-form-schema";
import { segmentChoices, segmentIdStatus, segmentIdWarning, type SegmentChoice } from "@/features/editor/forms/segment-options";

// As segments.list returns them: newest first.
const saved: SegmentChoice[] = [
  { segment_id: "support-triage", name: "Support triage", latest_revision: 3 },
  { segment_id: "summarize", name: "Summarize a page", latest_revision: 1 },
  { segment_id: "triage-draft", name: "Draft of a new triage", latest_revision: 0 },
  { segment_id: "parent", name: "The parent", latest_revision: 2 },
];

const ids = (list: readonly SegmentChoice[]) => list.map((s) => s.segment_id);

describe("the config form picks the segment picker", () => {
  it.each(["subsegment", "map"])("for %s's segment_id, and only there", (type) => {
    const { uiSchema } = configFormSchema(builtinCatalog.get(type)!);
    expect(uiSchema.segment_id?.["ui:widget"]).toBe("segment");
    expect(fieldOptions(uiSchema.segment_id).kind).toBe("segment");
  });

  it("no other step type gets it", () => {
    for (const meta of builtinCatalog.list()) {
      if (meta.type_id === "subsegment" || meta.type_id === "map") continue;
      const { uiSchema } = configFormSchema(meta);
      const widgets = JSON.stringify(uiSchema);
      expect(widgets, meta.type_id).not.toContain('"segment"');
    }
  });
});

describe("segmentChoices", () => {
  it("lists every saved segment but the one being edited, in list order", () => {
    expect(ids(segmentChoices(saved, "", "parent"))).toEqual(["support-triage", "summarize", "triage-draft"]);
  });

  it("the segment being edited is never offered, even when typed exactly", () => {
    expect(ids(segmentChoices(saved, "parent", "parent"))).toEqual([]);
  });

  it("filters by name or id, every word, ignoring case, - and _; the exact id and prefixes first", () => {
    // "triage-draft" starts with the query: before "support-triage", which only contains it.
    expect(ids(segmentChoices(saved, "triage", "parent"))).toEqual(["triage-draft", "support-triage"]);
    expect(ids(segmentChoices(saved, "support-triage", "parent"))).toEqual(["support-triage"]);
    expect(ids(segmentChoices(saved, "TRIAGE draft", "parent"))).toEqual(["triage-draft"]);
    expect(ids(segmentChoices(saved, "support_tri", "parent"))).toEqual(["support-triage"]);
    expect(ids(segmentChoices(saved, "summarize", "parent"))).toEqual(["summarize"]);
    expect(ids(segmentChoices(saved, "page", "parent"))).toEqual(["summarize"]);
    expect(ids(segmentChoices(saved, "nothing like it", "parent"))).toEqual([]);
  });
});

describe("segmentIdStatus / segmentIdWarning", () => {
  it("a saved segment with a revision: fine, nothing to warn", () => {
    const status = segmentIdStatus("support-triage", saved, "parent");
    expect(status).toEqual({ kind: "saved", segment: saved[0] });
    expect(segmentIdWarning(status)).toBeNull();
  });

  it("an id no segment has is allowed, with a 'not saved yet' warning", () => {
    const status = segmentIdStatus(" later-child ", saved, "parent");
    expect(status).toEqual({ kind: "unsaved", id: "later-child" });
    expect(segmentIdWarning(status)).toBe("Not saved yet: no segment has the id “later-child”. Save one with this id before running this step.");
  });

  it("a segment without a saved revision cannot run yet: warned", () => {
    const status = segmentIdStatus("triage-draft", saved, "parent");
    expect(segmentIdWarning(status)).toBe("“Draft of a new triage” has no saved revision yet: save it before running this step.");
  });

  it("the segment itself is left to the validator's error; an empty field or a list still loading says nothing", () => {
    expect(segmentIdStatus("parent", saved, "parent")).toEqual({ kind: "self" });
    expect(segmentIdWarning(segmentIdStatus("parent", saved, "parent"))).toBeNull();
    expect(segmentIdStatus(undefined, saved, "parent")).toEqual({ kind: "none" });
    expect(segmentIdStatus("  ", saved, "parent")).toEqual({ kind: "none" });
    expect(segmentIdStatus("anything", undefined, "parent")).toEqual({ kind: "none" });
  });
});
