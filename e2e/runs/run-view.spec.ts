// The run view as a user sees it: a run started through the API shows on the segment's canvas,
// its cards turn running → completed as the events arrive, a reload or a second window shows
// the same state, the controls cancel and re-run, and a waiting approval is decided inline.
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { SeedDocument } from "../editor/support";
import { createSegment, failOnPageErrors, screenshot, uniqueName } from "../segments/support";
import { API_HEADERS, E2E_OWNER } from "../credentials";

type Run = { run_id: string; status: string };

async function trpcMutation<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/trpc/${procedure}`, { data: input , headers: API_HEADERS });
  expect(res.ok(), `${procedure}: ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

async function getRun(request: APIRequestContext, runId: string): Promise<Run> {
  const input = encodeURIComponent(JSON.stringify({ run_id: runId }));
  const res = await request.get(`/api/trpc/runs.get?input=${input}`);
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { result: { data: Run } }).result.data;
}

/** A segment with one saved revision, ready to run. */
async function seedSegment(request: APIRequestContext, document: SeedDocument): Promise<string> {
  const { segment_id } = await createSegment(request, document.name);
  const input = encodeURIComponent(JSON.stringify({ segment_id }));
  const detail = await request.get(`/api/trpc/segments.get?input=${input}`);
  expect(detail.ok(), await detail.text()).toBe(true);
  const { draft } = ((await detail.json()) as { result: { data: { draft: { version: number } | null } } }).result.data;
  const saved = await trpcMutation<{ ok: boolean; problems?: unknown }>(request, "segments.saveRevision", {
    segment_id,
    document: { version: "1.0", segment_id, ...document },
    expected_version: draft?.version ?? 0,
  });
  expect(saved.ok, `the seeded revision is invalid: ${JSON.stringify(saved.problems)}`).toBe(true);
  return segment_id;
}

async function startRun(request: APIRequestContext, segmentId: string, input: unknown = {}): Promise<Run> {
  return trpcMutation<Run>(request, "runs.start", { segment_id: segmentId, input });
}

const card = (page: Page, stepId: string): Locator => page.getByTestId(`step-node-${stepId}`);
const runStatus = (page: Page): Locator => page.getByTestId("run-status");

async function expectStatus(page: Page, stepId: string, status: string, timeout = 20_000) {
  await expect(card(page, stepId)).toHaveAttribute("data-run-status", status, { timeout });
}

/** Opens the run view; a dev server may still be compiling the page on first use. */
async function openRun(page: Page, runId: string, query = "") {
  await page.goto(`/runs/${runId}${query}`);
  await expect(page.getByTestId("run-view")).toBeVisible({ timeout: 180_000 });
}

/**
 * start → write (mock LLM) → gate (human approval) → wait (delay) → check (condition) → done;
 * the condition's false branch (never) is skipped. The gate holds the run until the test
 * decides it, so the page is open (however long a dev server takes) when the rest runs.
 */
function pipeline(name: string, delaySeconds: number): SeedDocument {
  return {
    name,
    entrypoint: "start",
    steps: [
      { step_id: "start", type: "transform", name: "Prepare", config: { expression: "{ 'topic': input.topic }" }, ui: { x: 0, y: 120 } },
      {
        step_id: "write",
        type: "llm_agent",
        name: "Write draft",
        config: {
          llm_ref: "mock",
          system_prompt: "You write short notes.",
          user_prompt_template: "Write about {{ step_input.topic }}",
          mock_responses: ["Canvas runs stream their tokens live, so a reviewer watches the draft appear word by word."],
        },
        ui: { x: 320, y: 120 },
      },
      { step_id: "gate", type: "human_approval", name: "Go ahead?", config: { title: "Publish this draft?" }, ui: { x: 640, y: 120 } },
      { step_id: "wait", type: "delay", name: "Cool down", config: { seconds: delaySeconds }, ui: { x: 960, y: 120 } },
      { step_id: "check", type: "condition", name: "Long enough?", config: { expression: "$length(step_input.data) > 10" }, ui: { x: 1280, y: 120 } },
      { step_id: "done", type: "transform", name: "Publish", config: { expression: "{ 'published': true }" }, ui: { x: 1600, y: 20 } },
      { step_id: "never", type: "transform", name: "Too short", config: { expression: "{ 'published': false }" }, ui: { x: 1600, y: 240 } },
    ],
    edges: [
      { from_step: "start", to_step: "write" },
      { from_step: "write", to_step: "gate" },
      { from_step: "gate", to_step: "wait" },
      { from_step: "wait", to_step: "check" },
      { from_step: "check", to_step: "done", from_port: "true" },
      { from_step: "check", to_step: "never", from_port: "false" },
    ],
  };
}

/** Approves the run's pending approval through the API (as another person would). */
async function approveThroughApi(request: APIRequestContext, runId: string) {
  let pending: { approval_id: string }[] = [];
  await expect(async () => {
    const input = encodeURIComponent(JSON.stringify({ run_id: runId, status: "pending" }));
    const res = await request.get(`/api/trpc/approvals.list?input=${input}`);
    pending = ((await res.json()) as { result: { data: { approval_id: string }[] } }).result.data;
    expect(pending).toHaveLength(1);
  }).toPass({ timeout: 15_000 });
  await trpcMutation(request, "approvals.decide", { approval_id: pending[0]?.approval_id, decision: "approve" });
}

test.use({ viewport: { width: 1440, height: 900 } });

test("a run animates on the canvas, survives a reload mid-run and ends completed with the skipped branch faded", async ({ page, request }) => {
  test.setTimeout(360_000);
  const noErrors = failOnPageErrors(page);
  const segmentId = await seedSegment(request, pipeline(uniqueName("E2E live run"), 3));
  const run = await startRun(request, segmentId, { topic: "live runs" });

  await openRun(page, run.run_id);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("E2E live run");
  await expectStatus(page, "start", "completed");
  await expectStatus(page, "write", "completed");
  await expectStatus(page, "gate", "waiting");
  await expect(card(page, "wait")).toHaveAttribute("data-run-status", "pending");
  await expect(runStatus(page)).toHaveAttribute("data-status", "waiting");
  // A segment with an LLM step shows what the run spent.
  await expect(page.getByTestId("run-figures")).toContainText("Tokens");

  // A reload mid-run replays the log: the same state.
  await page.reload();
  await expect(page.getByTestId("run-view")).toBeVisible({ timeout: 180_000 });
  await expectStatus(page, "write", "completed");
  await expectStatus(page, "gate", "waiting");
  await expect(card(page, "wait")).toHaveAttribute("data-run-status", "pending");

  // Someone approves elsewhere: the canvas goes on live.
  await approveThroughApi(request, run.run_id);
  await expectStatus(page, "gate", "completed");
  await expectStatus(page, "wait", "running");
  await expect(runStatus(page)).toHaveAttribute("data-status", "running");
  await screenshot(page, "run-view-running");

  await expectStatus(page, "wait", "completed", 30_000);
  await expectStatus(page, "done", "completed");
  await expectStatus(page, "never", "skipped");
  await expect(runStatus(page)).toHaveAttribute("data-status", "completed");
  await expect(page.getByTestId("run-outcome")).toContainText("Completed");
  // The LLM step shows what it spent.
  await expect(card(page, "write")).toContainText("tokens");
  await screenshot(page, "run-view-completed");

  // Selecting a step opens its panel and puts it in the URL.
  await card(page, "write").click();
  await expect(page.getByTestId("step-run-inspector")).toHaveAttribute("data-step-id", "write");
  await expect(page).toHaveURL(new RegExp(`/runs/${run.run_id}\\?step=write$`));
  await screenshot(page, "run-view-inspector");
  noErrors();
});

test("two windows watching one run see the same thing", async ({ page, context, request }) => {
  test.setTimeout(300_000);
  const segmentId = await seedSegment(request, pipeline(uniqueName("E2E two windows"), 1));
  const run = await startRun(request, segmentId, { topic: "two windows" });
  const other = await context.newPage();
  await Promise.all([openRun(page, run.run_id), openRun(other, run.run_id)]);
  for (const p of [page, other]) await expectStatus(p, "gate", "waiting");
  await approveThroughApi(request, run.run_id);
  for (const p of [page, other]) {
    await expectStatus(p, "done", "completed", 30_000);
    await expectStatus(p, "never", "skipped");
    await expect(runStatus(p)).toHaveAttribute("data-status", "completed");
  }
  const statuses = async (p: Page) =>
    p.locator("[data-testid^='step-node-']").evaluateAll((els) => els.map((el) => `${el.getAttribute("data-testid")}=${el.getAttribute("data-run-status")}`).sort());
  expect(await statuses(other)).toEqual(await statuses(page));
  await other.close();
});

test("reload while a delay runs, then cancel: the step is cancelled, the rest never runs", async ({ page, request }) => {
  test.setTimeout(300_000);
  const noErrors = failOnPageErrors(page);
  const segmentId = await seedSegment(request, pipeline(uniqueName("E2E cancel"), 600));
  const run = await startRun(request, segmentId, { topic: "cancel" });
  await approveThroughApi(request, run.run_id);
  await openRun(page, run.run_id);
  await expectStatus(page, "wait", "running");
  await expect(runStatus(page)).toHaveAttribute("data-status", "running");

  await page.reload();
  await expect(page.getByTestId("run-view")).toBeVisible({ timeout: 180_000 });
  await expectStatus(page, "gate", "completed");
  await expectStatus(page, "wait", "running");
  await expect(card(page, "check")).toHaveAttribute("data-run-status", "pending");

  await page.getByRole("button", { name: "Cancel run" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Cancel this run?" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Cancel run" }).click();

  await expectStatus(page, "wait", "cancelled");
  await expect(runStatus(page)).toHaveAttribute("data-status", "cancelled");
  await expect(card(page, "check")).toHaveAttribute("data-run-status", "pending");
  await expect(page.getByRole("button", { name: "Cancel run" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Pause" })).toBeDisabled();
  expect((await getRun(request, run.run_id)).status).toBe("cancelled");
  await screenshot(page, "run-view-cancelled");
  noErrors();
});

test("re-run from a step reuses the steps before it and opens the new run", async ({ page, request }) => {
  test.setTimeout(300_000);
  const noErrors = failOnPageErrors(page);
  const segmentId = await seedSegment(request, {
    name: uniqueName("E2E rerun"),
    entrypoint: "load",
    steps: [
      { step_id: "load", type: "transform", name: "Load", config: { expression: "input.n" }, ui: { x: 0, y: 0 } },
      { step_id: "double", type: "transform", name: "Double", config: { expression: "step_input * 2" }, ui: { x: 320, y: 0 } },
      { step_id: "report", type: "transform", name: "Report", config: { expression: "{ 'result': step_input }" }, ui: { x: 640, y: 0 } },
    ],
    edges: [
      { from_step: "load", to_step: "double" },
      { from_step: "double", to_step: "report" },
    ],
  });
  const first = await startRun(request, segmentId, { n: 4 });
  await openRun(page, first.run_id);
  await expectStatus(page, "report", "completed");
  await expect(runStatus(page)).toHaveAttribute("data-status", "completed");

  // From the step's right-click menu.
  await card(page, "double").click({ button: "right" });
  await page.getByRole("menuitem", { name: /Re-run from this step/ }).click();
  const dialog = page.getByRole("dialog", { name: "Re-run from “Double”" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("outputs are reused");
  await screenshot(page, "run-view-rerun-dialog");
  await dialog.getByRole("button", { name: "Re-run from here" }).click();

  await expect(page).not.toHaveURL(new RegExp(first.run_id));
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]+$/);
  await expectStatus(page, "report", "completed");
  await expect(page.getByTestId("step-run-load")).toHaveAttribute("data-reused", "true");
  await expect(card(page, "load")).toContainText("Reused");
  await expect(page.getByTestId("step-run-double")).not.toHaveAttribute("data-reused", "true");
  // The new run says where it came from, and links back to that run at that step.
  const origin = page.getByTestId("rerun-of");
  await expect(origin).toContainText(`Re-run of ${first.run_id.replace(/-/g, "").slice(-8)} from “Double”`);
  await screenshot(page, "run-view-rerun");
  await origin.click();
  await expect(page).toHaveURL(new RegExp(`/runs/${first.run_id}\\?step=double`));
  await expect(page.getByTestId("rerun-of")).toHaveCount(0);
  noErrors();
});

test("a waiting approval is shown on the canvas and deciding it resumes the run", async ({ page, request }) => {
  test.setTimeout(300_000);
  const noErrors = failOnPageErrors(page);
  const segmentId = await seedSegment(request, {
    name: uniqueName("E2E approval"),
    entrypoint: "draft",
    steps: [
      { step_id: "draft", type: "transform", name: "Draft", config: { expression: "{ 'text': 'Hello ' & input.name }" }, ui: { x: 0, y: 0 } },
      { step_id: "review", type: "human_approval", name: "Editor review", config: { title: "Approve the greeting", instructions: "Check the tone." }, ui: { x: 320, y: 0 } },
      { step_id: "send", type: "transform", name: "Send", config: { expression: "step_input" }, ui: { x: 640, y: 0 } },
    ],
    edges: [
      { from_step: "draft", to_step: "review" },
      { from_step: "review", to_step: "send" },
    ],
  });
  const run = await startRun(request, segmentId, { name: "Ada" });
  await openRun(page, run.run_id);
  await expectStatus(page, "review", "waiting");
  await expect(page.getByTestId("step-run-review")).toHaveAttribute("data-needs-approval", "true");
  await expect(card(page, "review")).toContainText("Needs approval");
  await expect(runStatus(page)).toHaveAttribute("data-status", "waiting");
  // No step here calls a model: no "Tokens 0 · Cost $0" in the header.
  await expect(page.getByTestId("run-figures")).toContainText("Duration");
  await expect(page.getByTestId("run-figures")).not.toContainText("Tokens");
  const dock = page.getByTestId("approval-dock");
  await expect(dock).toContainText("Approve the greeting");
  await screenshot(page, "run-view-waiting");

  await dock.getByRole("button", { name: "Approve", exact: true }).click();
  await expectStatus(page, "send", "completed");
  await expect(runStatus(page)).toHaveAttribute("data-status", "completed");
  await expect(page.getByTestId("approval-dock")).toHaveCount(0);
  noErrors();
});

test("a slow decision shows it is working and cannot be sent twice", async ({ page, request }) => {
  test.setTimeout(240_000);
  const noErrors = failOnPageErrors(page);
  const segmentId = await seedSegment(request, {
    name: uniqueName("E2E slow decision"),
    entrypoint: "review",
    steps: [
      { step_id: "review", type: "human_approval", name: "Review", config: { title: "Ship it?" }, ui: { x: 0, y: 0 } },
      { step_id: "ship", type: "transform", name: "Ship", config: { expression: "{ 'shipped': true }" }, ui: { x: 320, y: 0 } },
    ],
    edges: [{ from_step: "review", to_step: "ship" }],
  });
  const run = await startRun(request, segmentId);
  await openRun(page, run.run_id);
  await expectStatus(page, "review", "waiting");

  // The decision's request is held (a slow network or a busy server) until the test lets it go.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let decideRequests = 0;
  await page.route("**/api/trpc/approvals.decide*", async (route) => {
    decideRequests += 1;
    await held;
    await route.continue();
  });
  const dock = page.getByTestId("approval-dock");
  const approve = dock.getByRole("button", { name: "Approve", exact: true });
  await approve.click();
  // Every way to decide is disabled while the first decision is on its way…
  await expect(approve).toBeDisabled();
  await expect(dock.getByRole("button", { name: "Reject" })).toBeDisabled();
  // …and, as it takes a while, the button says it is working.
  await expect(approve).toHaveAttribute("aria-busy", "true");
  await expect(approve.locator("svg.animate-spin")).toBeVisible();
  await screenshot(page, "run-view-decision-in-flight");
  await approve.click({ force: true, timeout: 2_000 }).catch(() => {});
  release();

  await expectStatus(page, "ship", "completed");
  await expect(runStatus(page)).toHaveAttribute("data-status", "completed");
  expect(decideRequests).toBe(1);
  noErrors();
});

test("the approval dock never hides the step it asks about: the canvas slides that step out from under it", async ({ page, request }) => {
  test.setTimeout(240_000);
  // The human step is the rightmost card, and the side panel (a selected step) narrows the
  // canvas: after fit-view the card sits where the dock opens.
  const segmentId = await seedSegment(request, {
    name: uniqueName("E2E dock clear"),
    entrypoint: "draft",
    steps: [
      { step_id: "draft", type: "transform", name: "Draft", config: { expression: "input" }, ui: { x: 0, y: 0 } },
      { step_id: "polish", type: "transform", name: "Polish", config: { expression: "step_input" }, ui: { x: 320, y: 0 } },
      { step_id: "review", type: "human_approval", name: "Final review", config: { title: "Ship it?" }, ui: { x: 640, y: 0 } },
    ],
    edges: [
      { from_step: "draft", to_step: "polish" },
      { from_step: "polish", to_step: "review" },
    ],
  });
  const run = await startRun(request, segmentId, { text: "hi" });
  await openRun(page, run.run_id, "?step=draft");
  await expectStatus(page, "review", "waiting");
  const dock = page.getByTestId("approval-dock");
  await expect(dock).toContainText("Ship it?");
  await expect
    .poll(async () => {
      const [cardBox, dockBox, canvasBox] = await Promise.all([
        card(page, "review").boundingBox(),
        dock.boundingBox(),
        page.getByRole("main", { name: "Run on the canvas" }).boundingBox(),
      ]);
      if (!cardBox || !dockBox || !canvasBox) return "not laid out";
      const onCanvas = cardBox.x >= canvasBox.x && cardBox.x + cardBox.width <= canvasBox.x + canvasBox.width && cardBox.y >= canvasBox.y && cardBox.y + cardBox.height <= canvasBox.y + canvasBox.height;
      const underDock = cardBox.x + cardBox.width > dockBox.x && cardBox.y < dockBox.y + dockBox.height && cardBox.y + cardBox.height > dockBox.y;
      return !onCanvas ? "off the canvas" : underDock ? "under the dock" : "in view";
    })
    .toBe("in view");
  // A small graph is fitted beside the dock: its first card is not pushed off the left edge.
  const draftBox = await card(page, "draft").boundingBox();
  const canvasBox = await page.getByRole("main", { name: "Run on the canvas" }).boundingBox();
  expect(draftBox && canvasBox && draftBox.x >= canvasBox.x).toBe(true);
  await screenshot(page, "run-view-dock-beside-step");

  // Decided: the dock goes, and the graph, squeezed left of it, is centred on the canvas again.
  await dock.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(runStatus(page)).toHaveAttribute("data-status", "completed");
  await expect(page.getByTestId("approval-dock")).toHaveCount(0);
  const main = page.getByRole("main", { name: "Run on the canvas" });
  await expect
    .poll(async () => {
      const [first, last, area] = await Promise.all([card(page, "draft").boundingBox(), card(page, "review").boundingBox(), main.boundingBox()]);
      if (!first || !last || !area) return "not laid out";
      const leftGap = first.x - area.x;
      const rightGap = area.x + area.width - (last.x + last.width);
      return Math.abs(leftGap - rightGap) < 40 ? "centred" : `left ${Math.round(leftGap)} px, right ${Math.round(rightGap)} px`;
    })
    .toBe("centred");
  await screenshot(page, "run-view-dock-gone-refitted");
});

test("clicking a card near the right edge opens its panel and keeps the card in view", async ({ page, request }) => {
  test.setTimeout(240_000);
  const noErrors = failOnPageErrors(page);
  const ids = ["one", "two", "three", "four"];
  const segmentId = await seedSegment(request, {
    name: uniqueName("E2E keep in view"),
    entrypoint: "one",
    steps: ids.map((id, i) => ({ step_id: id, type: "transform", name: `Step ${id}`, config: { expression: i === 0 ? "input" : "step_input" }, ui: { x: i * 320, y: 0 } })),
    edges: ids.slice(1).map((id, i) => ({ from_step: ids[i]!, to_step: id })),
  });
  const run = await startRun(request, segmentId, { n: 1 });
  await openRun(page, run.run_id);
  await expect(runStatus(page)).toHaveAttribute("data-status", "completed");
  // The side panel narrows the canvas from the right, over where the last card was.
  await card(page, "four").click();
  await expect(page.getByRole("complementary", { name: "Step Step four in this run" })).toBeVisible();
  const main = page.getByRole("main", { name: "Run on the canvas" });
  await expect
    .poll(async () => {
      const [box, area] = await Promise.all([card(page, "four").boundingBox(), main.boundingBox()]);
      if (!box || !area) return "not laid out";
      return box.x >= area.x && box.x + box.width <= area.x + area.width ? "in view" : `cut off (card ends at ${Math.round(box.x + box.width)}, canvas at ${Math.round(area.x + area.width)})`;
    })
    .toBe("in view");
  await screenshot(page, "run-view-selected-card-in-view");
  noErrors();
});

test("the timeline lists the run's events, filters them by type, and a row opens its step", async ({ page, request }) => {
  test.setTimeout(240_000);
  const noErrors = failOnPageErrors(page);
  const segmentId = await seedSegment(request, {
    name: uniqueName("E2E timeline"),
    entrypoint: "draft",
    steps: [
      { step_id: "draft", type: "transform", name: "Draft", config: { expression: "input" }, ui: { x: 0, y: 0 } },
      { step_id: "review", type: "human_approval", name: "Editor review", config: { title: "Looks right?" }, ui: { x: 320, y: 0 } },
      { step_id: "send", type: "transform", name: "Send", config: { expression: "step_input" }, ui: { x: 640, y: 0 } },
    ],
    edges: [
      { from_step: "draft", to_step: "review" },
      { from_step: "review", to_step: "send" },
    ],
  });
  const run = await startRun(request, segmentId, { text: "hi" });
  await approveThroughApi(request, run.run_id);
  await expect.poll(async () => (await getRun(request, run.run_id)).status, { timeout: 20_000 }).toBe("completed");
  await openRun(page, run.run_id);
  await expect(runStatus(page)).toHaveAttribute("data-status", "completed");
  const minimap = page.locator(".react-flow__minimap");
  await expect(minimap).toBeVisible();

  const dock = page.getByTestId("timeline-dock");
  await dock.getByRole("button", { name: /Timeline/ }).click();
  const rows = page.getByTestId("timeline-row");
  // run started, 3 × (started, completed), waiting, decided, run completed
  await expect(rows).toHaveCount(10);
  await expect(rows.filter({ hasText: "approved by" })).toContainText(`approved by ${E2E_OWNER.email}`);
  // The canvas got shorter: the minimap would sit on the cards, so it steps aside.
  await expect(minimap).toHaveCount(0);

  await page.getByRole("group", { name: "Filter by event type" }).getByRole("button", { name: /^Decided/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-type", "human.decided");
  await screenshot(page, "run-view-timeline-filtered");
  await rows.first().getByRole("button").click();
  await expect(page.getByRole("complementary", { name: "Step Editor review in this run" })).toBeVisible();

  await dock.getByRole("button", { name: /Timeline/ }).click();
  await expect(minimap).toBeVisible();
  noErrors();
});

test("a step in the URL opens its panel; the runs list opens the run view", async ({ page, request }) => {
  test.setTimeout(240_000);
  const segmentId = await seedSegment(request, pipeline(uniqueName("E2E deep link"), 0));
  const run = await startRun(request, segmentId, { topic: "links" });
  await approveThroughApi(request, run.run_id);
  await openRun(page, run.run_id, "?step=check");
  await expect(page.getByTestId("step-run-inspector")).toHaveAttribute("data-step-id", "check");
  await expect(card(page, "check")).toHaveAttribute("data-selected", "true");

  await page.goto("/runs");
  await page.getByTestId(`run-row-${run.run_id}`).getByRole("link", { name: /^[0-9a-f]{8}$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${run.run_id}$`));
  await expect(page.getByTestId("run-view")).toBeVisible();
});

test("an unknown run says so", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/runs/00000000-0000-7000-8000-000000000000");
  await expect(page.getByText("Run not found")).toBeVisible({ timeout: 180_000 });
});

/** Two reviews in parallel after one draft, joined by a final step that reports both decisions. */
function parallelReviews(name: string): SeedDocument {
  const form = { type: "object", properties: { title: { type: "string", minLength: 3 } }, required: ["title"] };
  return {
    name,
    entrypoint: "draft",
    steps: [
      { step_id: "draft", type: "transform", name: "Draft", config: { expression: "{ 'title': input.topic }" }, ui: { x: 0, y: 120 } },
      { step_id: "legal", type: "human_approval", name: "Legal review", config: { title: "Legal check", form }, ui: { x: 320, y: 0 } },
      { step_id: "brand", type: "human_approval", name: "Brand review", config: { title: "Brand check", form }, ui: { x: 320, y: 240 } },
      {
        step_id: "report",
        type: "transform",
        name: "Report",
        config: { expression: "{ 'legal': steps.legal.decision, 'legal_title': steps.legal.data.title, 'brand': steps.brand.decision, 'brand_comment': steps.brand.comment }" },
        ui: { x: 640, y: 120 },
      },
    ],
    edges: [
      { from_step: "draft", to_step: "legal" },
      { from_step: "draft", to_step: "brand" },
      { from_step: "legal", to_step: "report" },
      { from_step: "brand", to_step: "report" },
    ],
  };
}

for (const order of [["brand", "legal"], ["legal", "brand"]] as const) {
  test(`two parallel approvals decided on the canvas (${order[0]} first): edit & approve one, reject the other, the run reports both`, async ({ page, request }) => {
    test.setTimeout(300_000);
    const noErrors = failOnPageErrors(page);
    const segmentId = await seedSegment(request, parallelReviews(uniqueName("E2E parallel")));
    const run = await startRun(request, segmentId, { topic: "Durable runs" });
    await openRun(page, run.run_id);
    await expectStatus(page, "legal", "waiting");
    await expectStatus(page, "brand", "waiting");
    const dock = page.getByTestId("approval-dock");
    await expect(dock).toContainText("1 / 2");

    for (const stepId of order) {
      // Clicking a waiting card brings its approval into the dock.
      await card(page, stepId).click();
      await expect(dock).toHaveAttribute("data-step-id", stepId);
      if (stepId === "legal") {
        await dock.getByRole("button", { name: "Edit & approve" }).click();
        const title = dock.getByRole("textbox", { name: "Title", exact: true });
        await expect(title).toHaveValue("Durable runs");
        await title.fill("Durable runs, reviewed");
        if (order[0] === "legal") await screenshot(page, "run-view-parallel-edit");
        await dock.getByRole("button", { name: "Approve with changes" }).click();
      } else {
        await dock.getByRole("button", { name: "Reject" }).click();
        await dock.getByRole("textbox", { name: "Why are you rejecting this?" }).fill("Off brand");
        await dock.getByRole("form", { name: "Reject" }).getByRole("button", { name: "Reject" }).click();
      }
      await expectStatus(page, stepId, "completed");
    }

    await expectStatus(page, "report", "completed");
    await expect(runStatus(page)).toHaveAttribute("data-status", "completed");
    await expect(page.getByTestId("approval-dock")).toHaveCount(0);
    // Both steps completed, but the cards say how each was decided: a rejection never looks like a success.
    await expect(page.getByTestId("step-run-legal")).toHaveAttribute("data-decision", "approved");
    await expect(page.getByTestId("step-run-legal")).toContainText("Approved");
    await expect(page.getByTestId("step-run-brand")).toHaveAttribute("data-decision", "rejected");
    await expect(page.getByTestId("step-run-brand")).toContainText("Rejected");
    if (order[0] === "legal") {
      // The inspector names who decided by the account's email (the owner signed in here).
      await card(page, "brand").click();
      await expect(page.getByRole("complementary", { name: "Step Brand review in this run" })).toContainText(`rejected by ${E2E_OWNER.email}`);
      await screenshot(page, "run-view-parallel-decided");
    }
    const output = await request.get(`/api/v1/runs/${run.run_id}`);
    expect(((await output.json()) as { output: unknown }).output).toEqual({
      legal: "approved",
      legal_title: "Durable runs, reviewed",
      brand: "rejected",
      brand_comment: "Off brand",
    });
    noErrors();
  });
}
