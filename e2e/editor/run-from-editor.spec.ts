// Run from the editor as a user: an invalid segment is refused with its problems and no run
// is created; fixed, Run asks for the input (form or JSON, in step), saves the draft as a
// revision when it differs from the latest, starts the run and opens /runs/<id>.
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { createSegment, failOnPageErrors, screenshot, uniqueName } from "../segments/support";
import { API_HEADERS } from "../credentials";

type RunSummary = { run_id: string; root_run_id: string };
type RunDetail = { run_id: string; segment_id: string; revision: number; input: unknown };

async function query<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const res = await request.get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

async function mutate<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/trpc/${procedure}`, { data: input , headers: API_HEADERS });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

const runsOf = async (request: APIRequestContext, segmentId: string) =>
  (await query<{ items: RunSummary[] }>(request, "runs.list", { segment_id: segmentId })).items;
const revisionsOf = async (request: APIRequestContext, segmentId: string) =>
  (await query<{ items: { revision: number }[] }>(request, "segments.revisions", { segment_id: segmentId })).items.map((r) => r.revision);

const INPUT_SCHEMA = {
  type: "object",
  properties: {
    topic: { type: "string", title: "Topic", description: "What the text is about" },
    words: { type: "integer", minimum: 50, default: 300 },
  },
  required: ["topic"],
};

/** A one-step segment (a transform with `expression`) with the input schema above, as its draft. */
async function seedSegment(request: APIRequestContext, prefix: string, expression: string) {
  const name = uniqueName(prefix);
  const created = await createSegment(request, name);
  const detail = await query<{ draft: { version: number } }>(request, "segments.get", { segment_id: created.segment_id });
  const document = {
    version: "1.0",
    segment_id: created.segment_id,
    name,
    entrypoint: "shape",
    input_schema: INPUT_SCHEMA,
    steps: [{ step_id: "shape", type: "transform", config: { expression } }],
    edges: [],
  };
  await mutate(request, "segments.saveDraft", { segment_id: created.segment_id, document, expected_version: detail.draft.version });
  return { segmentId: created.segment_id, name, document };
}

const runButton = (page: Page) => page.getByTestId("run-button");
const inspector = (page: Page) => page.getByRole("complementary", { name: /^Inspector/ });

/** Generous: a busy dev server compiles the editor on first visit and streams the page slowly. */
const PAGE_LOAD = { timeout: 90_000 };

async function openEditor(page: Page, segmentId: string) {
  await page.goto(`/segments/${segmentId}`, { ...PAGE_LOAD, waitUntil: "commit" });
  await expect(page.getByTestId("editor-canvas")).toBeVisible(PAGE_LOAD);
  await expect(page.locator('.react-flow__node[data-id="shape"]')).toBeVisible();
}

/** Clicks Run until the page has hydrated and `dialog` opens (a click before hydration does nothing). */
async function clickRun(page: Page, dialog: Locator) {
  await expect(async () => {
    if (!(await dialog.isVisible())) await runButton(page).click({ timeout: 2000 });
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  return dialog;
}
const refusedDialog = (page: Page, name: RegExp) => page.getByRole("alertdialog", { name });
const runDialog = (page: Page) => page.getByRole("dialog", { name: /^Run “/ });

/** The run id in the URL once the run view opened. */
async function landedRunId(page: Page): Promise<string> {
  await page.waitForURL(/\/runs\/[^/?#]+$/, { timeout: 30_000 });
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
}

test.use({ viewport: { width: 1440, height: 900 } });

test("Run is disabled on an empty canvas and says why", async ({ page, request }) => {
  test.setTimeout(120_000);
  const segment = await createSegment(request, uniqueName("E2E run empty"));
  await page.goto(`/segments/${segment.segment_id}`, { ...PAGE_LOAD, waitUntil: "commit" });
  await expect(page.getByTestId("editor-canvas")).toBeVisible(PAGE_LOAD);
  await expect(runButton(page)).toBeDisabled();
  await expect(page.locator('span[title="Add a step to the canvas to run the segment"]')).toHaveCount(1);
});

test("an invalid segment is refused with its problems; fixed, it runs with the form's input as revision 1", async ({ page, request }) => {
  test.setTimeout(300_000);
  const noErrors = failOnPageErrors(page);
  const { segmentId } = await seedSegment(request, "E2E run invalid", "");
  await openEditor(page, segmentId);
  await screenshot(page, "editor-run-1-button");

  // Run: refused, with the validator's problem; no run exists.
  const refused = await clickRun(page, refusedDialog(page, /^Fix 1 error before running$/));
  await expect(refused.getByRole("list", { name: "Problems" }).getByRole("button")).toHaveCount(1);
  await expect(refused.getByText("expression must not be empty")).toBeVisible();
  await screenshot(page, "editor-run-2-refused");
  expect(await runsOf(request, segmentId)).toEqual([]);

  // A click on the problem closes the dialog and selects the step in the inspector.
  await refused.getByRole("button", { name: /expression must not be empty/ }).click();
  await expect(refused).toBeHidden();
  await expect(inspector(page).getByLabel("Step ID")).toHaveValue("shape");
  expect(await runsOf(request, segmentId)).toEqual([]);

  // Fix it: the expression reads the run input.
  await inspector(page).locator(".cm-content").first().click();
  await page.keyboard.type("input");
  await expect(page.getByTestId("step-problems-shape")).toHaveCount(0);
  await page.locator(".react-flow__pane").click({ position: { x: 700, y: 40 } });

  // Run: the input dialog, which will save the never-saved draft as revision 1 first.
  const dialog = await clickRun(page, runDialog(page));
  await expect(dialog.getByTestId("run-plan")).toContainText("saved as revision 1");
  await expect(dialog.getByRole("tab", { name: "Form" })).toHaveAttribute("aria-selected", "true");
  // The schema's default is filled in; the required topic is empty.
  await expect(dialog.getByLabel("Words")).toHaveValue("300");

  // Starting without the required field is refused in the dialog.
  await dialog.getByRole("button", { name: /Save and run/ }).click();
  await expect(dialog.locator('[data-field="topic"]').getByText("Required")).toBeVisible();
  expect(await runsOf(request, segmentId)).toEqual([]);

  await dialog.getByLabel("Topic").fill("Rust ownership");
  await screenshot(page, "editor-run-3-form");

  // The JSON tab shows the same input; an edit there shows in the form.
  await dialog.getByRole("tab", { name: "JSON" }).click();
  const json = dialog.getByRole("textbox", { name: "Run input (JSON)" });
  await expect(json).toContainText('"topic": "Rust ownership"');
  await expect(json).toContainText('"words": 300');
  await screenshot(page, "editor-run-4-json");
  await json.fill('{ "topic": "Borrowing", "words": 120 }');
  await dialog.getByRole("tab", { name: "Form" }).click();
  await expect(dialog.getByLabel("Topic")).toHaveValue("Borrowing");
  await expect(dialog.getByLabel("Words")).toHaveValue("120");

  // Ctrl+Enter starts it: saved as revision 1, run, and the run view opens.
  await page.keyboard.press("Control+Enter");
  const runId = await landedRunId(page);
  const run = await query<RunDetail>(request, "runs.get", { run_id: runId });
  expect(run).toMatchObject({ segment_id: segmentId, revision: 1, input: { topic: "Borrowing", words: 120 } });
  expect(await revisionsOf(request, segmentId)).toEqual([1]);
  expect((await runsOf(request, segmentId)).map((r) => r.run_id)).toEqual([runId]);
  noErrors();
});

test("a draft that differs from the latest revision is saved as a new revision first; the last run's input is offered", async ({ page, request }) => {
  test.setTimeout(300_000);
  const noErrors = failOnPageErrors(page);
  const { segmentId, document } = await seedSegment(request, "E2E run changed", "input");
  const detail = await query<{ draft: { version: number } }>(request, "segments.get", { segment_id: segmentId });
  await mutate(request, "segments.saveRevision", { segment_id: segmentId, document, expected_version: detail.draft.version });
  const earlier = await mutate<RunDetail>(request, "runs.start", { segment_id: segmentId, revision: 1, input: { topic: "From the API", words: 80 } });

  await openEditor(page, segmentId);
  // The canvas is revision 1: Run would run it as is.
  let dialog = await clickRun(page, runDialog(page));
  await expect(dialog.getByTestId("run-plan")).toHaveText("Runs revision 1, which is what the canvas shows.");
  await expect(dialog.getByRole("button", { name: /Start run/ })).toBeVisible();
  // Prefilled from the last run.
  await expect(dialog.getByLabel("Topic")).toHaveValue("From the API");
  await expect(dialog.getByText("From the last run")).toBeVisible();
  await screenshot(page, "editor-run-5-prefilled");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // Change the draft: a description in the segment settings.
  // The segment's own description (the input schema's fields have descriptions too).
  const description = inspector(page).locator("#segment-description");
  await description.fill("Runs after a change");
  await description.blur();
  await expect(page.getByTestId("revision-badge")).toContainText("Draft");

  dialog = await clickRun(page, runDialog(page));
  await expect(dialog.getByTestId("run-plan")).toContainText("saved as revision 2 before the run starts");
  await dialog.getByLabel("Topic").fill("After the change");
  await dialog.getByRole("button", { name: /Save and run/ }).click();
  const runId = await landedRunId(page);
  expect(runId).not.toBe(earlier.run_id);

  const run = await query<RunDetail>(request, "runs.get", { run_id: runId });
  expect(run).toMatchObject({ revision: 2, input: { topic: "After the change", words: 80 } });
  expect((await revisionsOf(request, segmentId)).sort()).toEqual([1, 2]);
  const saved = await query<{ revision_document: { description?: string } }>(request, "segments.get", { segment_id: segmentId });
  expect(saved.revision_document.description).toBe("Runs after a change");
  noErrors();
});
