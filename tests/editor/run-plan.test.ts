import { describe, expect, it } from "vitest";
import { describeRefusedRevision, describeSaveError, describeStartError } from "@/features/editor/components/run/run-errors";
import { planNote, planRun, startLabel } from "@/features/editor/components/run/run-plan";

describe("planRun", () => {
  it("a never-saved segment is saved as revision 1 first", () => {
    const plan = planRun({ latestRevision: 0, revisionJson: null, documentJson: "{}" });
    expect(plan).toEqual({ save: true, revision: 1, reason: "never-saved" });
    expect(planNote(plan)).toContain("saved as revision 1");
    expect(startLabel(plan)).toBe("Save and run");
  });

  it("a canvas equal to the latest revision runs it without saving", () => {
    const plan = planRun({ latestRevision: 3, revisionJson: '{"a":1}', documentJson: '{"a":1}' });
    expect(plan).toEqual({ save: false, revision: 3 });
    expect(planNote(plan)).toBe("Runs revision 3, which is what the canvas shows.");
    expect(startLabel(plan)).toBe("Start run");
  });

  it("a draft that differs becomes revision N+1 first", () => {
    const plan = planRun({ latestRevision: 3, revisionJson: '{"a":1}', documentJson: '{"a":2}' });
    expect(plan).toEqual({ save: true, revision: 4, reason: "changed" });
    expect(planNote(plan)).toContain("saved as revision 4 before the run starts");
  });
});

/** A tRPC client error as the app's error formatter shapes it. */
function trpcError(message: string, data: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { data });
}

describe("describeStartError", () => {
  it("an input the server refuses lists each problem it found", () => {
    const failure = describeStartError(
      trpcError("The run input does not match input_schema: /topic must be string", {
        code: "UNPROCESSABLE_CONTENT",
        httpStatus: 422,
        appCode: "invalid_data",
        details: [{ message: "/topic must be string" }, { message: "(root) must have required property 'n'" }],
      }),
    );
    expect(failure.title).toMatch(/does not match the segment's input schema/);
    expect(failure.details).toEqual(["/topic must be string", "(root) must have required property 'n'"]);
  });

  it("a conflict (no saved revision) shows the server's sentence", () => {
    const failure = describeStartError(
      trpcError('Segment "x" has no saved revision yet: save it before running it', { code: "CONFLICT", httpStatus: 409, appCode: "conflict", details: [] }),
    );
    expect(failure).toEqual({ title: 'Segment "x" has no saved revision yet: save it before running it', details: [] });
  });

  it("no answer from the server says that no run started", () => {
    expect(describeStartError(new TypeError("fetch failed")).title).toBe("The server could not be reached, so no run was started.");
  });
});

describe("describeSaveError / describeRefusedRevision", () => {
  it("a draft conflict offers to resolve it and says nothing ran", () => {
    const failure = describeSaveError({ kind: "conflict", message: "x" });
    expect(failure.conflict).toBe(true);
    expect(failure.title).toMatch(/not saved and no run was started/);
  });

  it("the server's refusal lists its errors, not its warnings", () => {
    const failure = describeRefusedRevision([
      { severity: "error", message: 'Step "a": expression must not be empty' },
      { severity: "warning", message: "duplicate edge" },
    ]);
    expect(failure.title).toBe("The server found 1 error in the draft, so it was not saved and no run was started.");
    expect(failure.details).toEqual(['Step "a": expression must not be empty']);
  });
});
