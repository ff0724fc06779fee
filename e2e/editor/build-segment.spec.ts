// Builds a 4-step segment in the canvas editor the way a user does: drag from the palette,
// connect handles, configure in the inspector, watch the validation badges, undo/redo,
// save a revision, reload, then export the JSON and import it into another segment.
import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { createSegment, failOnPageErrors, screenshot, uniqueName } from "../segments/support";

type SavedStep = { step_id: string; type: string; config: Record<string, unknown> };
type SavedEdge = { from_step: string; to_step: string };
type SavedSegment = { segment_id: string; entrypoint: string; steps: SavedStep[]; edges: SavedEdge[] };
type Detail = { latest_revision: number | null; revision_document: SavedSegment | null };

async function getSegment(request: APIRequestContext, segmentId: string): Promise<Detail> {
  const input = encodeURIComponent(JSON.stringify({ segment_id: segmentId }));
  const res = await request.get(`/api/trpc/segments.get?input=${input}`);
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { result: { data: Detail } }).result.data;
}

const node = (page: Page, stepId: string) => page.locator(`.react-flow__node[data-id="${stepId}"]`);
const badge = (page: Page, stepId: string) => page.getByTestId(`step-problems-${stepId}`);
const inspector = (page: Page) => page.getByRole("complementary", { name: /^Inspector/ });

/** The edges on the canvas as "from->to", sorted (edge ids are "from:handle->to:handle"). */
async function canvasEdges(page: Page): Promise<string[]> {
  const ids = await page.locator(".react-flow__edge").evaluateAll((els) => els.map((el) => el.getAttribute("data-id") ?? ""));
  return ids.map((id) => id.replace(/^([^:]+):[^>]*->([^:]+):.*$/, "$1->$2")).sort();
}

/** Each step's position on the canvas (flow coordinates, independent of pan and zoom). */
async function canvasPositions(page: Page): Promise<Record<string, string>> {
  const pairs = await page
    .locator(".react-flow__node")
    .evaluateAll((els) => els.map((el) => [el.getAttribute("data-id") ?? "", (el as HTMLElement).style.transform]));
  return Object.fromEntries(pairs);
}

/** Drags a palette item onto the canvas at a point (relative to the canvas' top-left). */
async function dropStep(page: Page, type: string, x: number, y: number) {
  await page.getByTestId(`palette-item-${type}`).dragTo(page.getByTestId("editor-canvas"), { targetPosition: { x, y } });
}

/** Drags a connection from one step's output handle to another's input handle. */
async function connect(page: Page, from: string, to: string) {
  const source = node(page, from).locator(".react-flow__handle.source").first();
  const target = node(page, to).locator(".react-flow__handle.target").first();
  await dragBetween(page, source, target);
}

async function dragBetween(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error("handle not visible");
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Selects a step by clicking its card and types a JSONata expression into the inspector. */
async function setExpression(page: Page, stepId: string, expression: string) {
  await node(page, stepId).click();
  await expect(inspector(page).getByLabel("Step ID")).toHaveValue(stepId);
  await inspector(page).locator(".cm-content").first().click();
  await page.keyboard.type(expression);
}

/** Clicks the empty canvas (clears the selection, takes focus off text fields). */
async function clickPane(page: Page) {
  await page.locator(".react-flow__pane").click({ position: { x: 700, y: 40 } });
}

test.use({ viewport: { width: 1440, height: 900 } });

test("build a 4-step segment by drag and drop, configure, undo/redo, save, reload, export and re-import it", async ({ page, request }) => {
  test.setTimeout(120_000);
  const noErrors = failOnPageErrors(page);
  const segment = await createSegment(request, uniqueName("E2E built"));
  await page.goto(`/segments/${segment.segment_id}`);
  await expect(page.getByTestId("editor-canvas")).toBeVisible();
  await expect(page.locator(".react-flow__node")).toHaveCount(0);

  // Four steps from the palette, dropped left to right.
  await dropStep(page, "transform", 400, 400);
  await expect(node(page, "transform")).toBeVisible();
  // It lands under the pointer (the empty canvas is not re-fitted around the first step).
  const canvasBox = await page.getByTestId("editor-canvas").boundingBox();
  const firstBox = await node(page, "transform").boundingBox();
  if (!canvasBox || !firstBox) throw new Error("canvas or step not laid out");
  expect(firstBox.x).toBeLessThan(canvasBox.x + 400);
  expect(firstBox.x + firstBox.width).toBeGreaterThan(canvasBox.x + 400);
  expect(firstBox.y).toBeLessThan(canvasBox.y + 400);
  expect(firstBox.y + firstBox.height).toBeGreaterThan(canvasBox.y + 400);
  await dropStep(page, "delay", 150, 160);
  await dropStep(page, "transform", 450, 160);
  await dropStep(page, "transform", 150, 620);
  for (const id of ["transform", "delay", "transform_2", "transform_3"]) await expect(node(page, id)).toBeVisible();
  await expect(page.locator(".react-flow__node")).toHaveCount(4);

  // A new transform has no expression: its badge says so.
  await expect(badge(page, "transform").getByRole("img")).toHaveAccessibleName(/expression must not be empty/);
  await screenshot(page, "editor-build-1-dropped");

  await connect(page, "transform", "delay");
  await connect(page, "delay", "transform_2");
  await connect(page, "transform_2", "transform_3");
  await expect(page.locator(".react-flow__edge")).toHaveCount(3);
  // Connected, the steps are reachable: only the config errors are left.
  await expect(badge(page, "transform_3").getByRole("img")).not.toHaveAccessibleName(/not reachable/);

  // Configure every step through the inspector; the badges go away one by one.
  await setExpression(page, "transform", "input");
  await expect(badge(page, "transform")).toHaveCount(0);
  await node(page, "delay").click();
  await inspector(page).getByLabel(/Seconds/).fill("5");
  await expect(badge(page, "delay")).toHaveCount(0);
  await setExpression(page, "transform_2", "step_input");
  await expect(badge(page, "transform_2")).toHaveCount(0);
  await expect(badge(page, "transform_3")).toBeVisible();
  await screenshot(page, "editor-build-2-configured");
  await setExpression(page, "transform_3", "step_input");
  await expect(badge(page, "transform_3")).toHaveCount(0);
  await expect(page.locator("[data-testid^=step-problems-]")).toHaveCount(0);

  // Undo / redo a deletion, seen on the canvas.
  // (Pane first: the focus leaves the expression editor, which has its own Ctrl+Z.)
  await clickPane(page);
  await node(page, "transform_3").click();
  await page.keyboard.press("Delete");
  await expect(node(page, "transform_3")).toHaveCount(0);
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  await page.keyboard.press("Control+z");
  await expect(node(page, "transform_3")).toBeVisible();
  await expect(page.locator(".react-flow__edge")).toHaveCount(3);
  await page.keyboard.press("Control+Shift+z");
  await expect(node(page, "transform_3")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(node(page, "transform_3")).toBeVisible();
  await expect(page.locator(".react-flow__edge")).toHaveCount(3);

  // Save as revision 1.
  await clickPane(page);
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("revision-badge")).toContainText("rev 1");
  await expect(page.getByRole("button", { name: "Saved" })).toBeDisabled();
  await screenshot(page, "editor-build-3-saved");

  const saved = await getSegment(request, segment.segment_id);
  expect(saved.latest_revision).toBe(1);
  const doc = saved.revision_document;
  if (!doc) throw new Error("no revision document");
  expect(doc.entrypoint).toBe("transform");
  expect(doc.steps.map((s) => `${s.step_id}:${s.type}`).sort()).toEqual(
    ["delay:delay", "transform:transform", "transform_2:transform", "transform_3:transform"],
  );
  expect(doc.steps.find((s) => s.step_id === "transform")?.config).toMatchObject({ expression: "input" });
  expect(doc.steps.find((s) => s.step_id === "delay")?.config).toMatchObject({ seconds: 5 });
  expect(doc.edges.map((e) => `${e.from_step}->${e.to_step}`).sort()).toEqual(
    ["delay->transform_2", "transform->delay", "transform_2->transform_3"],
  );

  // Reload: the same steps, edges and positions.
  const positionsBefore = await canvasPositions(page);
  await page.reload();
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  const ids = await page.locator(".react-flow__node").evaluateAll((els) => els.map((el) => el.getAttribute("data-id")));
  expect(ids.sort()).toEqual(doc.steps.map((s) => s.step_id).sort());
  await expect(page.locator(".react-flow__edge")).toHaveCount(doc.edges.length);
  await expect.poll(() => canvasEdges(page)).toEqual(doc.edges.map((e) => `${e.from_step}->${e.to_step}`).sort());
  expect(await canvasPositions(page)).toEqual(positionsBefore);
  await expect(page.getByTestId("revision-badge")).toContainText("rev 1");
  await expect(page.locator("[data-testid^=step-problems-]")).toHaveCount(0);
  await screenshot(page, "editor-build-4-reloaded");

  // Export the JSON: a download with the 4 steps.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    (async () => {
      await page.getByRole("button", { name: "Segment actions" }).click();
      await page.getByRole("menuitem", { name: "Export JSON" }).click();
    })(),
  ]);
  expect(download.suggestedFilename()).toBe(`${segment.segment_id}.json`);
  // Kept under its own name, so the import names the file the way a user would see it.
  const exportPath = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(exportPath);
  const exported = JSON.parse(await readFile(exportPath, "utf8")) as SavedSegment;
  expect(exported.steps.map((s) => s.step_id).sort()).toEqual(["delay", "transform", "transform_2", "transform_3"]);
  expect(exported.edges).toHaveLength(3);

  // Import it into another, empty segment through the file picker.
  const other = await createSegment(request, uniqueName("E2E imported"));
  await page.goto(`/segments/${other.segment_id}`);
  await expect(page.getByTestId("editor-canvas")).toBeVisible();
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
  await page.getByRole("button", { name: "Segment actions" }).click();
  await page.getByRole("menuitem", { name: "Import JSON…" }).click();
  const dialog = page.getByRole("dialog", { name: "Import segment JSON" });
  await expect(dialog).toBeVisible();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), dialog.getByRole("button", { name: "Choose file…" }).click()]);
  await chooser.setFiles(exportPath);
  await expect(dialog).toBeHidden();
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  await expect.poll(() => canvasEdges(page)).toEqual(exported.edges.map((e) => `${e.from_step}->${e.to_step}`).sort());
  await expect(page.locator("[data-testid^=step-problems-]")).toHaveCount(0);
  // The imported segment keeps its own id.
  await expect(page.getByTestId("editor-top-bar")).toContainText(other.segment_id);
  await expect(page.getByText(`Imported ${segment.segment_id}.json`).first()).toBeVisible();
  await screenshot(page, "editor-build-5-imported");

  // Saved, the other segment's revision 1 holds the imported steps under its own id.
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("revision-badge")).toContainText("rev 1");
  const imported = await getSegment(request, other.segment_id);
  expect(imported.revision_document?.segment_id).toBe(other.segment_id);
  expect(imported.revision_document?.steps.map((s) => s.step_id).sort()).toEqual(exported.steps.map((s) => s.step_id).sort());
  noErrors();
});

test("an imported graph is fitted in view, wherever its coordinates put it", async ({ page, request }) => {
  const noErrors = failOnPageErrors(page);
  const target = await createSegment(request, uniqueName("E2E import fit"));
  await page.goto(`/segments/${target.segment_id}`);
  const canvas = page.getByTestId("editor-canvas");
  await expect(canvas).toBeVisible();
  // Far from the empty canvas' viewport (origin at the top-left, zoom 1).
  const far = {
    version: "1.0",
    segment_id: "far-away",
    name: "Far away",
    entrypoint: "a",
    steps: [
      { step_id: "a", type: "transform", name: "First", config: { expression: "input" }, ui: { x: 2600, y: 1800 } },
      { step_id: "b", type: "transform", name: "Second", config: { expression: "step_input" }, ui: { x: 2950, y: 1800 } },
      { step_id: "c", type: "transform", name: "Third", config: { expression: "step_input" }, ui: { x: 3300, y: 1800 } },
    ],
    edges: [
      { from_step: "a", to_step: "b" },
      { from_step: "b", to_step: "c" },
    ],
  };
  await page.getByRole("button", { name: "Segment actions" }).click();
  await page.getByRole("menuitem", { name: "Import JSON…" }).click();
  const dialog = page.getByRole("dialog", { name: "Import segment JSON" });
  await dialog.getByLabel("Or paste JSON").fill(JSON.stringify(far));
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(".react-flow__node")).toHaveCount(3);
  await expect
    .poll(async () => {
      const area = await canvas.boundingBox();
      const boxes = await Promise.all(["a", "b", "c"].map((id) => page.getByTestId(`step-node-${id}`).boundingBox()));
      if (!area || boxes.some((b) => !b)) return "not laid out";
      const outside = boxes.filter((b) => b && (b.x < area.x || b.y < area.y || b.x + b.width > area.x + area.width || b.y + b.height > area.y + area.height));
      return outside.length === 0 ? "all in view" : `${outside.length} card(s) out of view`;
    })
    .toBe("all in view");
  await screenshot(page, "editor-import-fitted");
  noErrors();
});
