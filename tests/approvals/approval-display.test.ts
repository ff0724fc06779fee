// What the approval panel, the link page and the inbox say to people: server refusals worded
// for the person who clicked, outcomes, timeouts, and the edit form built from `form`.
import { describe, expect, it } from "vitest";
import {
  approvalHref,
  describeDecisionError,
  linkErrorKind,
  outcomeOf,
  timeoutConsequence,
  waitedFor,
} from "../../src/features/approvals/lib/approval-display";
import { approvalForm, editProblems, fieldOrder, plainer, reviewForm } from "../../src/features/approvals/lib/approval-form";
import { sortForInbox } from "../../src/features/approvals/inbox/inbox-model";
import type { Approval } from "../../src/shared/resources/run-detail";

/** A tRPC client error as the browser receives it (message + the server's error data). */
const trpcError = (message: string, data: Record<string, unknown>) => Object.assign(new Error(message), { data });

function approval(overrides: Partial<Approval> = {}): Approval {
  return {
    approval_id: "a1",
    run_id: "r1",
    root_run_id: "r1",
    segment_id: "s",
    step_id: "review",
    attempt: 1,
    status: "pending",
    title: "Approve",
    instructions: null,
    data: { title: "Hello" },
    form: null,
    decision: null,
    edited: false,
    result: null,
    comment: null,
    decided_by: null,
    decided_at: null,
    expires_at: null,
    created_at: "2030-01-01T00:00:00.000Z",
    ...overrides,
  };
}

describe("decision errors, worded for the reviewer", () => {
  it("approve-twice: 'already approved' closes the panel's actions and says nothing was recorded", () => {
    const problem = describeDecisionError(trpcError("Approval 0193 is already approved", { code: "CONFLICT", appCode: "conflict" }));
    expect(problem).toEqual({ message: "This approval was already approved: your decision was not recorded.", problems: [], closed: true });
  });

  it("cancel-while-waiting: a cancelled run is explained, not shown as an id", () => {
    const problem = describeDecisionError(trpcError("Run 0193-abc was cancelled", { code: "CONFLICT" }));
    expect(problem.message).toBe("The run was cancelled, so this approval can no longer be decided.");
    expect(problem.closed).toBe(true);
  });

  it("invalid-edit: the form problems are listed and the reviewer can fix them (not closed)", () => {
    const problem = describeDecisionError(
      trpcError("The edited data does not match the form: /title must NOT have fewer than 5 characters", {
        code: "UNPROCESSABLE_CONTENT",
        details: [{ message: "/title must NOT have fewer than 5 characters" }],
      }),
    );
    expect(problem).toMatchObject({ closed: false, problems: ["/title must NOT have fewer than 5 characters"] });
    expect(problem.message).toMatch(/doesn’t match the form/);
  });

  it("a network failure says so instead of showing 'Failed to fetch'", () => {
    expect(describeDecisionError(new TypeError("Failed to fetch")).message).toBe("Couldn’t reach the server. Check your connection and try again.");
  });

  it("rate limited: the server's message is shown and the reviewer may retry", () => {
    const problem = describeDecisionError(trpcError("Too many requests for approval links from your network. Wait 20 seconds and try again.", { code: "TOO_MANY_REQUESTS" }));
    expect(problem).toMatchObject({ closed: false, message: expect.stringMatching(/Wait 20 seconds/) });
  });
});

describe("link page errors", () => {
  it.each([
    [{ code: "UNAUTHORIZED", details: [{ code: "link_invalid" }] }, "invalid"],
    [{ code: "FORBIDDEN", details: [{ code: "link_expired" }] }, "expired"],
    [{ code: "NOT_FOUND", details: [{ code: "approval_not_found" }] }, "not_found"],
    [{ code: "TOO_MANY_REQUESTS" }, "rate_limited"],
    [{ code: "BAD_REQUEST" }, "invalid"],
    [{ code: "INTERNAL_SERVER_ERROR" }, "unavailable"],
  ])("%j → %s", (data, kind) => {
    expect(linkErrorKind(trpcError("x", data))).toBe(kind);
  });
  it("a network failure (no data) is 'unavailable', which offers a retry", () => {
    expect(linkErrorKind(new TypeError("Failed to fetch"))).toBe("unavailable");
  });
});

describe("outcomes and times", () => {
  it("says who decided, including a signed link and the timeout", () => {
    expect(outcomeOf(approval({ status: "approved", decision: "approved", decided_by: "local-owner" })).sentence).toBe("Approved by Local owner");
    expect(outcomeOf(approval({ status: "approved", decision: "approved", edited: true, decided_by: "link:a1" })).sentence).toBe(
      "Edited and approved through the approval link",
    );
    expect(outcomeOf(approval({ status: "rejected", decision: "rejected", decided_by: "u-42" })).sentence).toBe("Rejected by u-42");
    // The account's email when the signed-in screen knows who the id is.
    expect(outcomeOf(approval({ status: "rejected", decision: "rejected", decided_by: "u-42" }), new Map([["u-42", "ada@example.com"]])).sentence).toBe(
      "Rejected by ada@example.com",
    );
    expect(outcomeOf(approval({ status: "approved", decision: "approved", decided_by: "cli" })).sentence).toBe("Approved by Command line");
    expect(outcomeOf(approval({ status: "expired", decision: "approved", decided_by: "system:timeout" })).sentence).toMatch(/approved automatically/);
    expect(outcomeOf(approval({ status: "expired", decision: null, decided_by: "system:timeout" })).sentence).toMatch(/the step failed/);
  });

  it("tells what the timeout does", () => {
    expect(timeoutConsequence("approve")).toBe("then it is approved automatically");
    expect(timeoutConsequence("fail")).toBe("then the step fails");
    expect(timeoutConsequence(null)).toBeNull();
  });

  it("waiting time is coarse and grammatical", () => {
    expect(waitedFor(20_000)).toBe("less than a minute");
    expect(waitedFor(60_000)).toBe("1 minute");
    expect(waitedFor(3 * 3600_000 + 5)).toBe("3 hours");
    expect(waitedFor(2 * 86400_000)).toBe("2 days");
  });

  it("an approval in a child run opens that run, where its step is", () => {
    expect(approvalHref(approval())).toBe("/runs/r1?step=review");
    expect(approvalHref(approval({ run_id: "child", root_run_id: "r1", step_id: "check" }))).toBe("/runs/child?step=check");
  });

  it("the inbox shows the longest-waiting first, and the latest decision first on decided tabs", () => {
    const older = approval({ approval_id: "old", created_at: "2030-01-01T00:00:00Z", decided_at: "2030-01-03T00:00:00Z" });
    const newer = approval({ approval_id: "new", created_at: "2030-01-02T00:00:00Z", decided_at: "2030-01-02T12:00:00Z" });
    expect(sortForInbox([newer, older], "pending").map((a) => a.approval_id)).toEqual(["old", "new"]);
    expect(sortForInbox([newer, older], "approved").map((a) => a.approval_id)).toEqual(["old", "new"]);
    expect(sortForInbox([older, newer], "rejected")[0]?.approval_id).toBe("old");
  });
});

describe("the edit form", () => {
  const form = {
    type: "object",
    required: ["title", "body"],
    properties: { tags: { type: "array", items: { type: "string" } }, body: { type: "string" }, title: { type: "string", minLength: 5 }, words: { type: "integer", minimum: 1 } },
  };

  it("no form: no editing", () => {
    expect(approvalForm(null)).toBeNull();
  });

  it("required fields come first, in their order (the database does not keep property order)", () => {
    expect(fieldOrder(form)).toEqual(["title", "body", "tags", "words"]);
  });

  it("long text gets a text area, short tags one-line inputs", () => {
    const built = approvalForm(form);
    if (built?.kind !== "fields") throw new Error("expected a generated form");
    const tuned = reviewForm(built.form, { title: "Hi there", body: "x".repeat(300), tags: ["a", "b"] });
    expect(tuned.uiSchema.body).toMatchObject({ "ui:widget": "textarea" });
    expect(tuned.uiSchema.title?.["ui:widget"]).toBeUndefined();
    expect(tuned.uiSchema.tags?.items).toMatchObject({ "ui:options": { kind: "text" } });
    expect(tuned.uiSchema["ui:order"]).toEqual(["title", "body", "tags", "words", "*"]);
    // The cached form is not changed by tuning (its list items stay multi-line there).
    expect(built.form.uiSchema.tags?.items).toMatchObject({ "ui:options": { kind: "textarea" } });
  });

  it("problems are found before sending, under the field and as plain lines", () => {
    const built = approvalForm(form)!;
    const found = editProblems(built, { title: "abc", words: 0 });
    expect(found.messages).toEqual(expect.arrayContaining(["Title: must be at least 5 characters", "Body is required", "Words: must be at least 1"]));
    expect(found.errorSchema).toMatchObject({ title: { __errors: ["Must be at least 5 characters"] } });
    expect(editProblems(built, { title: "Hello", body: "ok" }).messages).toEqual([]);
  });

  it("a form that is not an object with fields is edited as JSON and still checked", () => {
    const built = approvalForm({ type: "array", items: { type: "string" }, minItems: 1 });
    expect(built?.kind).toBe("json");
    expect(editProblems(built!, []).messages).toEqual(["must have at least 1 item"]);
    expect(editProblems(built!, ["one"]).messages).toEqual([]);
  });

  it("ajv's wording is made plain", () => {
    expect(plainer("Must NOT have more than 3 characters")).toBe("Must be at most 3 characters");
    expect(plainer("must be <= 10")).toBe("must be at most 10");
    expect(plainer("is required")).toBe("is required");
  });
});
