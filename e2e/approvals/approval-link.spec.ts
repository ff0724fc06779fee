// Approving outside the app: a signed link opened in a fresh browser context (no app state,
// as someone receiving it by email), edited and approved there; the run completes with the
// edited data; the link cannot be used twice. And the approvals inbox with its nav badge.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { saveRevision, seedSegment, type SeedDocument } from "../editor/support";
import { failOnPageErrors, screenshot, uniqueName } from "../segments/support";
import { API_HEADERS, E2E_OWNER } from "../credentials";

type Run = { run_id: string; root_run_id: string; status: string; output: unknown };
type Approval = { approval_id: string; run_id: string; step_id: string; status: string; title: string };

/** The dev server compiles a page on its first visit: allow for it. */
const PAGE_LOAD = { timeout: 180_000 };
const SERVER_CALL = { timeout: 30_000 };

async function mutation<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/trpc/${procedure}`, { data: input , headers: API_HEADERS });
  expect(res.ok(), `${procedure}: ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

async function query<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const res = await request.get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(res.ok(), `${procedure}: ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** write (mock LLM) → shape (transform) → review (human approval with a form) → publish. */
function reviewDocument(name: string): SeedDocument {
  return {
    name,
    entrypoint: "write",
    steps: [
      {
        step_id: "write",
        type: "llm_agent",
        name: "Write draft",
        config: { llm_ref: "mock", system_prompt: "Write a short post.", user_prompt_template: "A post about {{ input.topic }}", output_format: "text" },
        ui: { x: 0, y: 0 },
      },
      { step_id: "shape", type: "transform", name: "Shape", config: { expression: '{ "title": input.topic, "body": step_input, "words": 5 }' }, ui: { x: 300, y: 0 } },
      {
        step_id: "review",
        type: "human_approval",
        name: "Editor review",
        config: {
          title: "Approve the post",
          instructions: "Check the title, edit it if needed, then approve.",
          form: {
            type: "object",
            required: ["title", "body"],
            properties: { title: { type: "string", minLength: 5 }, body: { type: "string" }, words: { type: "integer", minimum: 1 } },
          },
        },
        ui: { x: 600, y: 0 },
      },
      { step_id: "publish", type: "transform", name: "Publish", config: { expression: "step_input" }, ui: { x: 900, y: 0 } },
    ],
    edges: [
      { from_step: "write", to_step: "shape" },
      { from_step: "shape", to_step: "review" },
      { from_step: "review", to_step: "publish" },
    ],
  };
}

async function seedReviewSegment(request: APIRequestContext): Promise<string> {
  const document = reviewDocument(uniqueName("E2E link approval"));
  const { segment_id, version } = await seedSegment(request, document);
  await saveRevision(request, segment_id, document, version);
  return segment_id;
}

/** Starts a run and waits until its human step waits; returns the run and its approval. */
async function startWaiting(request: APIRequestContext, segmentId: string, topic: string): Promise<{ run: Run; approval: Approval }> {
  const run = await mutation<Run>(request, "runs.start", { segment_id: segmentId, input: { topic } });
  let approval: Approval | undefined;
  await expect(async () => {
    [approval] = await query<Approval[]>(request, "approvals.list", { run_id: run.run_id, status: "pending" });
    expect(approval, "the run should wait for its approval").toBeDefined();
  }).toPass(SERVER_CALL);
  return { run, approval: approval! };
}

/** A link's path on the server under test (LLMTEAM_PUBLIC_URL may name another host). */
const pathOf = (url: string) => new URL(url).pathname;

/** Someone who received the link: a browser context with nothing of the app in it. */
async function freshPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  // Not signed in: the link alone is the credential.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

test("approve with edited data through a signed link in a fresh browser; the link is then refused", async ({ browser, request }) => {
  test.setTimeout(300_000);
  const segmentId = await seedReviewSegment(request);
  const { run, approval } = await startWaiting(request, segmentId, "Durable runs");
  const link = await mutation<{ url: string; expires_at: string }>(request, "approvals.link", { approval_id: approval.approval_id });
  expect(link.url).toMatch(/\/approve\/[\w-]+\.[\w-]+$/);

  const visitor = await freshPage(browser);
  const noErrors = failOnPageErrors(visitor.page);
  await visitor.page.goto(pathOf(link.url));
  const panel = visitor.page.getByTestId("approval-panel");
  await expect(panel).toBeVisible(PAGE_LOAD);
  await expect(panel.getByRole("heading", { name: "Approve the post" })).toBeVisible();
  await expect(panel.getByText("Check the title, edit it if needed, then approve.")).toBeVisible();
  await expect(visitor.page.getByText("Approval request")).toBeVisible();
  await expect(panel.locator('[data-field="title"]')).toContainText("Durable runs");
  await screenshot(visitor.page, "approval-link-pending");

  await panel.getByRole("button", { name: "Edit & approve" }).click();
  const title = panel.getByRole("textbox", { name: "Title", exact: true });
  await expect(title).toHaveValue("Durable runs");
  // Too short for the form: refused in the browser, under the field, nothing sent.
  await title.fill("Dur");
  await panel.getByRole("button", { name: "Approve with changes" }).click();
  await expect(panel.locator('[data-field="title"]').getByText("Must be at least 5 characters", { exact: true })).toBeVisible();
  await expect(panel.getByText("Fix these before approving:")).toBeVisible();
  await screenshot(visitor.page, "approval-link-invalid-edit");
  expect((await query<Approval[]>(request, "approvals.list", { run_id: run.run_id }))[0]?.status).toBe("pending");

  await title.fill("Durable runs, explained");
  await panel.getByRole("button", { name: "Approve with changes" }).click();
  await expect(panel.getByTestId("approval-outcome")).toContainText("Edited and approved through the approval link", SERVER_CALL);
  await expect(visitor.page.getByText("Thank you: your decision was recorded")).toBeVisible();
  await screenshot(visitor.page, "approval-link-approved");

  await expect(async () => {
    const done = await query<Run>(request, "runs.get", { run_id: run.run_id });
    expect(done.status).toBe("completed");
    expect(done.output).toMatchObject({ decision: "approved", edited: true, data: { title: "Durable runs, explained", words: 5 } });
  }).toPass(SERVER_CALL);

  // Second use of the same link: the approval shows as already decided, with no actions.
  await visitor.page.reload();
  await expect(visitor.page.getByText("This approval was already decided. The link can’t be used again.")).toBeVisible(PAGE_LOAD);
  await expect(panel.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await expect(panel.getByTestId("approval-outcome")).toContainText("Edited and approved");
  await screenshot(visitor.page, "approval-link-already-decided");
  noErrors();
  await visitor.close();

  // And deciding with it again is refused by the server.
  const token = pathOf(link.url).split("/approve/")[1];
  const again = await request.post("/api/trpc/approvalLinks.decide", { data: { token, decision: "reject" } });
  expect(again.status()).toBe(409);
  expect(await again.text()).toMatch(/already approved/);
});

test("a tampered link shows a friendly explanation instead of the approval", async ({ browser }) => {
  test.setTimeout(240_000);
  const visitor = await freshPage(browser);
  await visitor.page.goto("/approve/eyJhcHByb3ZhbF9pZCI6Im5vcGUiLCJleHAiOjk5OTk5OTk5OTl9.bm90LWEtc2lnbmF0dXJl");
  await expect(visitor.page.getByRole("heading", { name: "This link isn’t valid" })).toBeVisible(PAGE_LOAD);
  await expect(visitor.page.getByTestId("approval-panel")).toHaveCount(0);
  await screenshot(visitor.page, "approval-link-invalid");
  await visitor.close();
});

test("the inbox lists a pending approval, the nav shows the count, and the row opens the run view at the step", async ({ page, request }) => {
  test.setTimeout(300_000);
  const segmentId = await seedReviewSegment(request);
  const { run, approval } = await startWaiting(request, segmentId, "Inbox zero");
  const noErrors = failOnPageErrors(page);

  await page.goto("/approvals");
  await expect(page.getByRole("heading", { name: "Approvals", level: 1 })).toBeVisible(PAGE_LOAD);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: /Approvals/ })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByTestId("approvals-nav-badge")).toHaveText(/^\d+$/, PAGE_LOAD);

  const row = page.locator(`tr[data-approval-id="${approval.approval_id}"]`);
  await expect(row).toBeVisible(PAGE_LOAD);
  await expect(row).toContainText("Approve the post");
  await expect(row).toContainText("E2E link approval");
  await screenshot(page, "approvals-inbox");

  const review = row.getByRole("link", { name: "Review" });
  await expect(review).toHaveAttribute("href", `/runs/${run.run_id}?step=review`);
  await review.click();
  await expect(page).toHaveURL(new RegExp(`/runs/${run.run_id}\\?step=review`), PAGE_LOAD);

  // Decided elsewhere: it leaves the pending tab and shows under Approved.
  await mutation(request, "approvals.decide", { approval_id: approval.approval_id, decision: "approve", comment: "Ship it on Monday" });
  await page.goto("/approvals?status=approved");
  const decided = page.locator(`tr[data-approval-id="${approval.approval_id}"]`);
  await expect(decided).toContainText("Approved", PAGE_LOAD);
  // Who decided reads as the account's email (the stored decided_by is its id), with the comment.
  await expect(decided).toContainText(E2E_OWNER.email);
  await expect(decided).toContainText("Ship it on Monday");
  await screenshot(page, "approvals-inbox-approved");
  await page.goto("/approvals");
  await expect(page.getByRole("table", { name: "Approvals" }).or(page.getByText("Nothing is waiting for you"))).toBeVisible(PAGE_LOAD);
  await expect(page.locator(`tr[data-approval-id="${approval.approval_id}"]`)).toHaveCount(0);
  noErrors();
});
