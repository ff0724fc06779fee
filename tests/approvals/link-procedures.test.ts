// Deciding through a signed link, end to end on the embedded database: the link a signed-in
// user copies, the public page's procedures, single use, the refusals and the rate limit.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext, type AppContext } from "../../src/server/app-context";
import { LINK_RATE_LIMIT } from "../../src/server/approvals/link-rate-limit";
import { getApprovalByLink } from "../../src/server/approvals/link-service";
import type { Approval } from "../../src/shared/resources/run-detail";
import { testAppContext } from "../helpers/app-context";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { call, data } from "../helpers/trpc-call";
import { callerFrom, reviewSegment, saveSegment, startWaitingRun, tokenOf, waitForRun } from "./helpers";

let t: TestDatabase;
let app: AppContext;
beforeAll(async () => {
  t = await openTestDatabase("pglite");
  app = testAppContext(t);
  setAppContext(app);
  await saveSegment(reviewSegment("link-review"));
  await saveSegment(reviewSegment("timed-review", { timeout_seconds: 3600, on_timeout: "approve" }));
});
afterAll(async () => {
  await app?.runtime.stop();
  setAppContext(undefined);
  await t?.cleanup();
});

let ipCounter = 0;
/** Each test asks from its own address, so the rate limit of one does not leak into another. */
const freshClient = () => callerFrom(`203.0.113.${++ipCounter}`);

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(TRPCError);
    return err as TRPCError;
  }
  throw new Error("expected the call to be refused");
}

describe("approval links", () => {
  it("approve-with-edits-via-link: the run resumes with the edited data, decided by the link", async () => {
    const { run, approval } = await startWaitingRun("link-review");
    const link = await data<{ url: string; expires_at: string }>("approvals.link", { approval_id: approval.approval_id });
    expect(link.url.startsWith(`${app.config.publicUrl}/approve/`)).toBe(true);
    // No expires_at on the approval: the link lives 7 days.
    expect(Date.parse(link.expires_at) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);

    const client = freshClient();
    const shown = await client.approvalLinks.get({ token: tokenOf(link.url) });
    expect(shown).toMatchObject({
      segment_name: "Review link-review",
      step_name: "Editor review",
      on_timeout: "fail",
      approval: { approval_id: approval.approval_id, status: "pending", title: "Approve the draft", data: { title: "Durable runs", words: 120 } },
    });

    const decided = await client.approvalLinks.decide({
      token: tokenOf(link.url),
      decision: "approve",
      data: { title: "Durable runs, edited", words: 90 },
      comment: "tightened",
    });
    expect(decided).toMatchObject({ status: "approved", edited: true, decided_by: `link:${approval.approval_id}`, comment: "tightened" });

    const done = await waitForRun(run.run_id, ["completed", "failed"]);
    expect(done.status).toBe("completed");
    expect(done.output).toMatchObject({ decision: "approved", edited: true, data: { title: "Durable runs, edited", words: 90 } });
  });

  it("approve-twice-via-link: the second use is refused as already decided and changes nothing", async () => {
    const { approval } = await startWaitingRun("link-review");
    const { url } = await data<{ url: string }>("approvals.link", { approval_id: approval.approval_id });
    const client = freshClient();
    await client.approvalLinks.decide({ token: tokenOf(url), decision: "reject", comment: "no" });

    const again = await refusal(client.approvalLinks.decide({ token: tokenOf(url), decision: "approve" }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already rejected/);
    // The page still opens, read-only, showing the first decision.
    const shown = await client.approvalLinks.get({ token: tokenOf(url) });
    expect(shown.approval).toMatchObject({ status: "rejected", comment: "no" });
    const [stored] = await data<Approval[]>("approvals.list", { run_id: approval.run_id }, "GET");
    expect(stored).toMatchObject({ status: "rejected", comment: "no" });
  });

  it("invalid-edit-via-link: data that breaks the form is refused with the problem, the approval still waits", async () => {
    const { approval } = await startWaitingRun("link-review");
    const { url } = await data<{ url: string }>("approvals.link", { approval_id: approval.approval_id });
    const client = freshClient();
    const bad = await refusal(client.approvalLinks.decide({ token: tokenOf(url), decision: "approve", data: { title: "ab" } }));
    expect(bad.code).toBe("UNPROCESSABLE_CONTENT");
    expect(bad.message).toMatch(/does not match the form.*\/title/);
    expect((await client.approvalLinks.get({ token: tokenOf(url) })).approval.status).toBe("pending");
  });

  it("a link to one approval cannot decide another: a swapped id breaks the signature", async () => {
    const first = await startWaitingRun("link-review");
    const second = await startWaitingRun("link-review");
    const { url } = await data<{ url: string }>("approvals.link", { approval_id: first.approval.approval_id });
    const [body, signature] = tokenOf(url).split(".");
    const payload = JSON.parse(Buffer.from(body!, "base64url").toString()) as { approval_id: string; exp: number };
    const forgedBody = Buffer.from(JSON.stringify({ ...payload, approval_id: second.approval.approval_id })).toString("base64url");

    const client = freshClient();
    const refused = await refusal(client.approvalLinks.decide({ token: `${forgedBody}.${signature}`, decision: "approve" }));
    expect(refused.code).toBe("UNAUTHORIZED");
    expect(refused.message).toMatch(/not valid/);
    const [still] = await data<Approval[]>("approvals.list", { run_id: second.run.run_id }, "GET");
    expect(still?.status).toBe("pending");
  });

  it("a link's expiry follows the approval's timeout, and an expired link is refused as expired", async () => {
    const { approval } = await startWaitingRun("timed-review");
    expect(approval.expires_at).not.toBeNull();
    const link = await data<{ url: string; expires_at: string }>("approvals.link", { approval_id: approval.approval_id });
    expect(Math.abs(Date.parse(link.expires_at) - Date.parse(approval.expires_at!))).toBeLessThan(1000);
    const shown = await freshClient().approvalLinks.get({ token: tokenOf(link.url) });
    expect(shown.on_timeout).toBe("approve");

    const afterExpiry = () => new Date(Date.parse(link.expires_at) + 1000);
    const expired = getApprovalByLink({ app, now: afterExpiry }, { token: tokenOf(link.url) });
    await expect(expired).rejects.toMatchObject({ code: "forbidden", details: [{ code: "link_expired" }] });
  });

  it("the public procedures answer a clear error for a bad token, and REST-like statuses over HTTP", async () => {
    const reply = await call("approvalLinks.get", { token: "not-a-token" }, "GET");
    expect(reply.status).toBe(401);
    expect(reply.body.error?.message).toMatch(/This approval link is not valid/);
    expect(reply.body.error?.data).toMatchObject({ details: [{ code: "link_invalid" }] });
  });

  it("a link for an approval that is no longer pending is refused (nothing left to decide)", async () => {
    const { approval } = await startWaitingRun("link-review");
    await data("approvals.decide", { approval_id: approval.approval_id, decision: "approve" });
    const reply = await call("approvals.link", { approval_id: approval.approval_id });
    expect(reply.status).toBe(409);
    expect(reply.body.error?.message).toMatch(/already approved/);
  });

  it("rate-limit: after the allowance a client gets TOO_MANY_REQUESTS with a readable message; others are unaffected", async () => {
    const client = freshClient();
    for (let i = 0; i < LINK_RATE_LIMIT.points; i++) {
      const error = await refusal(client.approvalLinks.get({ token: `guess-${i}` }));
      expect(error.code).toBe("UNAUTHORIZED");
    }
    const limited = await refusal(client.approvalLinks.get({ token: "one-more" }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/Too many requests.*Wait \d+ seconds? and try again/);
    // Deciding counts against the same allowance.
    expect((await refusal(client.approvalLinks.decide({ token: "x.y", decision: "approve" }))).code).toBe("TOO_MANY_REQUESTS");
    // Another address still gets an answer.
    expect((await refusal(freshClient().approvalLinks.get({ token: "x.y" }))).code).toBe("UNAUTHORIZED");
  });

  it("pendingCount counts the approvals that wait, without their data", async () => {
    const pending = await data<Approval[]>("approvals.list", { status: "pending" }, "GET");
    expect(await data<number>("approvals.pendingCount", undefined, "GET")).toBe(pending.length);
  });
});
