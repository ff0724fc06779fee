// Canvas interactions a user reaches for once the basics work: dragging an edge's end to
// another step (and being told why a drop is refused), dragging from a handle to empty
// canvas to add an already-connected step, and picking the segment a subsegment step runs.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { failOnPageErrors, screenshot, uniqueName } from "../segments/support";
import {
  canvas,
  centreOf,
  dragMouse,
  expectDraftSaved,
  getSegmentDetail,
  inspector,
  openEditor,
  saveRevision,
  seedSegment,
  stepNode,
  transformStep,
  type SeedDocument,
} from "./support";

test.use({ viewport: { width: 1440, height: 900 } });
// A dev server on a busy machine compiles the editor on first visit: room for that.
test.describe.configure({ timeout: 240_000 });

/** a → b → c in a row, d below b (not connected). */
const chain = (name: string): SeedDocument => ({
  name,
  entrypoint: "a",
  steps: [
    transformStep("a", "input", 0, 0, "Fetch"),
    transformStep("b", "step_input", 340, 0, "Clean"),
    transformStep("c", "step_input", 680, 0, "Publish"),
    transformStep("d", "step_input", 680, 240, "Archive"),
  ],
  edges: [
    { from_step: "a", to_step: "b" },
    { from_step: "b", to_step: "c", condition: "step_input.ok" },
  ],
});

/** The edges on the canvas as "from->to", sorted (edge ids are "from:handle->to:handle"). */
async function canvasEdges(page: Page): Promise<string[]> {
  const ids = await page.locator(".react-flow__edge").evaluateAll((els) => els.map((el) => el.getAttribute("data-id") ?? ""));
  return ids.map((id) => id.replace(/^([^:]+):[^>]*->([^:]+):.*$/, "$1->$2")).sort();
}

/** The grab area at the target end of an edge (React Flow's reconnect anchor, just outside the handle). */
const targetEnd = (page: Page, edgeId: string): Locator => page.locator(`.react-flow__edge[data-id="${edgeId}"] .react-flow__edgeupdater-target`);
const inputHandle = (page: Page, stepId: string): Locator => stepNode(page, stepId).locator(".react-flow__handle.target").first();
const outputHandle = (page: Page, stepId: string): Locator => stepNode(page, stepId).locator(".react-flow__handle.source").first();

/** Drags the target end of an edge onto a step's input handle. */
async function dragEdgeEnd(page: Page, edgeId: string, toStep: string) {
  await dragMouse(page, await centreOf(targetEnd(page, edgeId)), await centreOf(inputHandle(page, toStep)));
}

/** The draft's edges as "from->to" (what autosave wrote), sorted. */
async function savedEdges(page: Page, segmentId: string): Promise<string[]> {
  const detail = await getSegmentDetail(page.request, segmentId);
  return (detail.draft?.document.edges ?? []).map((e) => `${e.from_step}->${e.to_step}`).sort();
}

test("reconnect an edge by dragging its end: a refused drop says why, an allowed one moves it, undo puts it back", async ({ page, request }) => {
  const noErrors = failOnPageErrors(page);
  const segment = await seedSegment(request, chain(uniqueName("E2E reconnect")));
  await openEditor(page, segment.segment_id, 4);
  await expect.poll(() => canvasEdges(page)).toEqual(["a->b", "b->c"]);

  // b → c dropped on a's input would close the loop a → b → a: refused, with the reason beside the pointer.
  await dragEdgeEnd(page, "b:out->c:in", "a");
  await expect(page.getByTestId("canvas-notice")).toContainText("Cycles are not allowed: this edge would close the loop “Clean” → “Fetch” → “Clean”");
  await expect.poll(() => canvasEdges(page)).toEqual(["a->b", "b->c"]);

  // Dropped on d's input: the edge now ends at d and keeps its condition.
  await dragEdgeEnd(page, "b:out->c:in", "d");
  await expect.poll(() => canvasEdges(page)).toEqual(["a->b", "b->d"]);
  await expect(page.getByTestId("edge-label-b:out->d:in")).toContainText("step_input.ok");
  await expectDraftSaved(page);
  const draft = await getSegmentDetail(request, segment.segment_id);
  expect(draft.draft?.document.edges).toEqual([
    { from_step: "a", to_step: "b" },
    { from_step: "b", to_step: "d", condition: "step_input.ok" },
  ]);

  // Dropped on empty canvas: nothing changes.
  await dragMouse(page, await centreOf(targetEnd(page, "b:out->d:in")), { x: 500, y: 700 });
  await expect(page.getByTestId("quick-add")).toHaveCount(0);
  await expect.poll(() => canvasEdges(page)).toEqual(["a->b", "b->d"]);

  // One undo step.
  await page.keyboard.press("Control+z");
  await expect.poll(() => canvasEdges(page)).toEqual(["a->b", "b->c"]);
  await expectDraftSaved(page);
  expect(await savedEdges(page, segment.segment_id)).toEqual(["a->b", "b->c"]);
  noErrors();
});

test("drag from an input or an output handle to empty canvas: quick-add says what it connects to and the new step is wired", async ({ page, request }) => {
  const noErrors = failOnPageErrors(page);
  const segment = await seedSegment(request, chain(uniqueName("E2E handle quick-add")));
  await openEditor(page, segment.segment_id, 4);

  // From d's input, dropped to its left: the new step will feed d.
  const input = await centreOf(inputHandle(page, "d"));
  await dragMouse(page, input, { x: input.x - 160, y: input.y + 60 });
  const quickAdd = page.getByTestId("quick-add");
  await expect(quickAdd).toBeVisible();
  await expect(quickAdd.getByTestId("quick-add-link")).toHaveText(/Connect to\s*Archive\s*·\s*Input/);
  // Every step type with an output can feed a transform's `any` input: all nine are listed.
  await expect(quickAdd.getByRole("option")).toHaveCount(9);
  await screenshot(page, "editor-quick-add-from-input");
  await quickAdd.getByRole("combobox").fill("delay");
  await quickAdd.getByRole("option", { name: /Delay/ }).click();
  await expect(stepNode(page, "delay")).toBeVisible();
  await expect.poll(() => canvasEdges(page)).toEqual(["a->b", "b->c", "delay->d"]);
  // The new card sits left of the drop point (its output handle there), not over d.
  const delayBox = await stepNode(page, "delay").boundingBox();
  expect(delayBox && delayBox.x + delayBox.width).toBeLessThan(input.x);

  // From a's output, dropped below it (an output may feed several steps): a feeds the new step.
  const output = await centreOf(outputHandle(page, "a"));
  await dragMouse(page, output, { x: output.x + 80, y: output.y + 120 });
  await expect(quickAdd.getByTestId("quick-add-link")).toHaveText(/Connect from\s*Fetch\s*·\s*Output/);
  await page.keyboard.type("transf");
  await page.keyboard.press("Enter");
  await expect(stepNode(page, "transform")).toBeVisible();
  await expect.poll(() => canvasEdges(page)).toEqual(["a->b", "a->transform", "b->c", "delay->d"]);

  // Each addition, with its edge, is one undo step.
  await page.keyboard.press("Control+z");
  await expect(stepNode(page, "transform")).toHaveCount(0);
  await expect.poll(() => canvasEdges(page)).toEqual(["a->b", "b->c", "delay->d"]);
  await expectDraftSaved(page);
  expect(await savedEdges(page, segment.segment_id)).toEqual(["a->b", "b->c", "delay->d"]);
  noErrors();
});

test("pick the segment a subsegment step runs from the saved segments, open it, or type one not saved yet", async ({ page, request }) => {
  const noErrors = failOnPageErrors(page);
  const childName = uniqueName("E2E child");
  const child = await seedSegment(request, { name: childName, entrypoint: "t", steps: [transformStep("t", "input", 0, 0)], edges: [] });
  await saveRevision(request, child.segment_id, { name: childName, entrypoint: "t", steps: [transformStep("t", "input", 0, 0)], edges: [] });
  const parent = await seedSegment(request, {
    name: uniqueName("E2E parent"),
    entrypoint: "run_child",
    steps: [{ step_id: "run_child", type: "subsegment", name: "Run child", config: {}, ui: { x: 0, y: 0 } }],
    edges: [],
  });
  await openEditor(page, parent.segment_id, 1);
  await stepNode(page, "run_child").click();
  const picker = inspector(page).getByTestId("segment-picker");
  const field = picker.getByRole("combobox");
  await expect(field).toHaveValue("");

  // The list shows saved segments with name, id and latest revision; never the segment itself.
  await picker.getByRole("button", { name: "Show saved segments" }).click();
  const list = picker.getByRole("listbox", { name: "Saved segments" });
  await expect(list).toBeVisible();
  await expect(list.getByTestId(`segment-option-${parent.segment_id}`)).toHaveCount(0);
  // Typing searches by name or id; the config changes only when a segment is picked.
  await field.fill(childName);
  const option = list.getByTestId(`segment-option-${child.segment_id}`);
  await expect(option).toContainText(childName);
  await expect(option).toContainText(child.segment_id);
  await expect(option).toContainText("rev 1");
  await screenshot(page, "editor-segment-picker-open");
  await option.click();

  await expect(field).toHaveValue(child.segment_id);
  await expect(list).toHaveCount(0);
  await expect(picker.getByTestId("segment-picker-chosen")).toContainText(childName);
  await expect(picker.getByRole("link", { name: "Open" })).toHaveAttribute("href", `/segments/${child.segment_id}`);
  // The pick reaches the store after the form's idle pause, then autosave writes it.
  await expect
    .poll(async () => (await getSegmentDetail(request, parent.segment_id)).draft?.document.steps[0]?.config, { timeout: 15_000 })
    .toEqual({ segment_id: child.segment_id });
  await expectDraftSaved(page);

  // An id no segment has yet may be used, with a warning.
  await field.fill("written-later");
  await list.getByRole("option", { name: /Use written-later\s*not saved yet/ }).click();
  await expect(field).toHaveValue("written-later");
  await expect(picker).toContainText("Not saved yet: no segment has the id “written-later”.");
  await expect(picker.getByRole("link", { name: "Open" })).toHaveCount(0);
  await expect
    .poll(async () => (await getSegmentDetail(request, parent.segment_id)).draft?.document.steps[0]?.config, { timeout: 15_000 })
    .toEqual({ segment_id: "written-later" });
  await expectDraftSaved(page);
  await expect(canvas(page)).toBeVisible();
  noErrors();
});
