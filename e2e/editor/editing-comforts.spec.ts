// The editor's comforts, used as a user would: groups (group, rename, collapse, expand, move
// the frame), copy/paste (also into another segment), duplicate, delete, Shift-drag box
// selection, auto-layout with undo, the shortcut help, fit view / zoom / minimap, and setting
// the entrypoint from the context menu.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { failOnPageErrors, screenshot, uniqueName } from "../segments/support";
import {
  canvas,
  centreOf,
  clickPane,
  dragMouse,
  expectDraftSaved,
  flowPosition,
  getSegmentDetail,
  inspector,
  openEditor,
  PAGE_LOAD,
  seedSegment,
  SERVER_CALL,
  stepNode,
  stepNodes,
  transformStep,
  visibleStepIds,
} from "./support";

test.use({ viewport: { width: 1440, height: 900 } });

const edges = (page: Page) => page.locator(".react-flow__edge");
const frame = (page: Page, groupId: string) => page.locator(`.react-flow__node[data-id="group:${groupId}"]`);

/** A card's box in flow coordinates: its position and its unscaled size. */
async function flowRect(node: Locator) {
  const { x, y } = await flowPosition(node);
  const size = await node.evaluate((el) => ({ width: (el as HTMLElement).offsetWidth, height: (el as HTMLElement).offsetHeight }));
  return { x, y, ...size };
}

/** Click one step, Shift-click the others: a multi-selection. */
async function selectSteps(page: Page, ids: string[]) {
  const [first, ...rest] = ids;
  if (!first) return;
  await stepNode(page, first).click();
  for (const id of rest) await stepNode(page, id).click({ modifiers: ["Shift"] });
  await expect(inspector(page).getByRole("heading", { name: `${ids.length} steps selected` })).toBeVisible();
}

/** The smallest box around some elements (screen pixels), with a margin. */
async function boxAround(locators: Locator[], margin: number) {
  const boxes = await Promise.all(locators.map(async (l) => (await l.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 }));
  return {
    left: Math.min(...boxes.map((b) => b.x)) - margin,
    top: Math.min(...boxes.map((b) => b.y)) - margin,
    right: Math.max(...boxes.map((b) => b.x + b.width)) + margin,
    bottom: Math.max(...boxes.map((b) => b.y + b.height)) + margin,
  };
}

test("groups: group two steps, rename, collapse to one box, expand, move the frame and its steps move", async ({ page, request }) => {
  test.setTimeout(240_000);
  const noErrors = failOnPageErrors(page);
  const segment = await seedSegment(request, {
    name: uniqueName("E2E groups"),
    entrypoint: "load",
    steps: [transformStep("load", "input", 0, 0, "Load"), transformStep("parse", "step_input", 320, 0, "Parse"), transformStep("store", "step_input", 320, 256, "Store")],
    edges: [
      { from_step: "load", to_step: "parse" },
      { from_step: "parse", to_step: "store" },
    ],
  });
  await openEditor(page, segment.segment_id, 3);

  // Group two steps with Ctrl+G: a frame labelled "Group" around them.
  await selectSteps(page, ["load", "parse"]);
  await page.keyboard.press("Control+g");
  const group = frame(page, "group");
  await expect(group).toBeVisible();
  await expect(group).toContainText("Group");
  await expect(group).toContainText("2 steps");

  // Rename it by double-clicking its label.
  await group.getByRole("button", { name: "Group Group, press Enter to rename" }).dblclick();
  await group.getByRole("textbox", { name: "Group name" }).fill("Ingest");
  await page.keyboard.press("Enter");
  await expect(group.getByRole("button", { name: "Group Ingest, press Enter to rename" })).toBeVisible();
  await screenshot(page, "editor-groups-1-framed");

  // Collapse: one box "Ingest · 2 steps", its steps hidden, the edge out of it drawn from the box.
  await group.getByRole("button", { name: "Collapse group Ingest" }).click();
  await expect(stepNode(page, "load")).toBeHidden();
  await expect(stepNode(page, "parse")).toBeHidden();
  await expect(group).toContainText("Ingest");
  await expect(group).toContainText("2 steps");
  await expect(edges(page)).toHaveCount(1);
  await expect(edges(page).first()).toHaveAttribute("data-id", /store/);
  await screenshot(page, "editor-groups-2-collapsed");

  // Expand: the steps and both edges are back.
  await group.getByRole("button", { name: "Expand group Ingest" }).click();
  await expect(stepNode(page, "load")).toBeVisible();
  await expect(stepNode(page, "parse")).toBeVisible();
  await expect(edges(page)).toHaveCount(2);

  // Drag the frame by its header: both members move by the same amount, the other step stays.
  const before = { load: await flowPosition(stepNode(page, "load")), parse: await flowPosition(stepNode(page, "parse")), store: await flowPosition(stepNode(page, "store")) };
  const frameBox = await group.boundingBox();
  if (!frameBox) throw new Error("frame not laid out");
  const grab = { x: frameBox.x + frameBox.width - 24, y: frameBox.y + 10 };
  await dragMouse(page, grab, { x: grab.x + 150, y: grab.y + 120 });
  await expect.poll(async () => (await flowPosition(stepNode(page, "load"))).x).not.toBe(before.load.x);
  const load = await flowPosition(stepNode(page, "load"));
  const parse = await flowPosition(stepNode(page, "parse"));
  const delta = { x: load.x - before.load.x, y: load.y - before.load.y };
  expect(delta.x).toBeGreaterThan(0);
  expect(delta.y).toBeGreaterThan(0);
  expect({ x: parse.x - before.parse.x, y: parse.y - before.parse.y }).toEqual(delta);
  expect(await flowPosition(stepNode(page, "store"))).toEqual(before.store);
  await screenshot(page, "editor-groups-3-moved");

  // Saved with the document: after a reload the frame, its name and the new positions are back.
  await expectDraftSaved(page);
  await page.reload();
  await expect(frame(page, "group")).toBeVisible(PAGE_LOAD);
  await expect(frame(page, "group")).toContainText("Ingest");
  expect(await flowPosition(stepNode(page, "load"))).toEqual(load);
  expect(await flowPosition(stepNode(page, "parse"))).toEqual(parse);
  noErrors();
});

test("copy/paste steps with their edge, paste them into another segment, and refuse text that is not steps", async ({ page, context, request }) => {
  test.setTimeout(240_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const noErrors = failOnPageErrors(page);
  const source = await seedSegment(request, {
    name: uniqueName("E2E copy from"),
    entrypoint: "ask",
    steps: [transformStep("ask", "input.question", 0, 0, "Ask"), transformStep("answer", 'step_input & "?"', 320, 0, "Answer"), transformStep("log", "step_input", 0, 256, "Log")],
    edges: [{ from_step: "ask", to_step: "answer" }],
  });
  const target = await seedSegment(request, { name: uniqueName("E2E paste into"), entrypoint: "start", steps: [transformStep("start", "input", 0, 0, "Start")], edges: [] });

  await openEditor(page, source.segment_id, 3);
  await selectSteps(page, ["ask", "answer"]);
  await page.keyboard.press("Control+c");
  // The clipboard holds the steps as JSON text (LLMTeam's clipboard format, steps in the contract).
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { steps: { step_id: string }[]; edges: unknown[] };
  expect(copied.steps.map((s) => s.step_id)).toEqual(["ask", "answer"]);
  expect(copied.edges).toHaveLength(1);

  // Pasted in the same segment: copies with fresh ids, connected like the originals, selected.
  // Pasted under the pointer.
  const middle = await centreOf(canvas(page));
  await page.mouse.move(middle.x, middle.y);
  await page.keyboard.press("Control+v");
  await expect(stepNodes(page)).toHaveCount(5);
  await expect.poll(() => visibleStepIds(page)).toEqual(["answer", "answer_2", "ask", "ask_2", "log"]);
  await expect(edges(page)).toHaveCount(2);
  await expect(page.locator('.react-flow__edge[data-id^="ask_2:"][data-id*="->answer_2:"]')).toHaveCount(1);
  await expect(inspector(page).getByRole("heading", { name: "2 steps selected" })).toBeVisible();
  await screenshot(page, "editor-clipboard-1-pasted");
  await expectDraftSaved(page);

  // Into another segment: its ids are free there, so the steps keep them.
  await openEditor(page, target.segment_id, 1);
  await clickPane(page);
  await page.keyboard.press("Control+v");
  await expect(stepNodes(page)).toHaveCount(3);
  await expect.poll(() => visibleStepIds(page)).toEqual(["answer", "ask", "start"]);
  await expect(edges(page)).toHaveCount(1);
  await expect(stepNode(page, "answer")).toContainText('step_input & "?"');
  await expectDraftSaved(page);
  const stored = await getSegmentDetail(request, target.segment_id);
  expect(stored.draft?.document.steps.map((s) => s.step_id).sort()).toEqual(["answer", "ask", "start"]);
  expect(stored.draft?.document.edges).toEqual([expect.objectContaining({ from_step: "ask", to_step: "answer" })]);
  await screenshot(page, "editor-clipboard-2-other-segment");

  // Text that is not LLMTeam steps: nothing pasted, and the canvas says why.
  await page.evaluate(() => navigator.clipboard.writeText("just some words"));
  await clickPane(page);
  await page.keyboard.press("Control+v");
  await expect(page.getByTestId("canvas-notice")).toHaveText("The clipboard does not hold LLMTeam steps.");
  await expect(stepNodes(page)).toHaveCount(3);
  noErrors();
});

test("Shift-drag box selects steps; duplicate, delete and undo act on the selection", async ({ page, request }) => {
  test.setTimeout(240_000);
  const noErrors = failOnPageErrors(page);
  const segment = await seedSegment(request, {
    name: uniqueName("E2E box select"),
    entrypoint: "a",
    steps: [transformStep("a", "input", 0, 0), transformStep("b", "step_input", 320, 0), transformStep("c", "step_input", 0, 256), transformStep("d", "step_input", 320, 256)],
    edges: [
      { from_step: "a", to_step: "b" },
      { from_step: "a", to_step: "c" },
      { from_step: "c", to_step: "d" },
    ],
  });
  await openEditor(page, segment.segment_id, 4);

  // A Shift-drag box around the top row selects exactly those two steps.
  const box = await boxAround([stepNode(page, "a"), stepNode(page, "b")], 24);
  await dragMouse(page, { x: box.left, y: box.top }, { x: box.right, y: box.bottom }, "Shift");
  const selection = inspector(page).getByTestId("multi-selection");
  await expect(selection.getByRole("heading", { name: "2 steps selected" })).toBeVisible();
  await expect(selection.getByRole("listitem")).toHaveText([/a/, /b/]);
  await expect(page.getByTestId("step-node-a")).toHaveAttribute("data-selected", "true");
  await expect(page.getByTestId("step-node-b")).toHaveAttribute("data-selected", "true");
  await expect(page.getByTestId("step-node-c")).not.toHaveAttribute("data-selected", "true");
  await screenshot(page, "editor-select-1-box");

  // Duplicate (Ctrl+D): copies of both, with the edge between them, selected instead.
  await page.keyboard.press("Control+d");
  await expect(stepNodes(page)).toHaveCount(6);
  await expect.poll(() => visibleStepIds(page)).toEqual(["a", "a_2", "b", "b_2", "c", "d"]);
  await expect(edges(page)).toHaveCount(4);
  await expect(page.getByTestId("step-node-a_2")).toHaveAttribute("data-selected", "true");
  await expect(page.getByTestId("step-node-a")).not.toHaveAttribute("data-selected", "true");

  // Delete takes the copies away; undo brings them back, redo removes them again.
  await page.keyboard.press("Delete");
  await expect(stepNodes(page)).toHaveCount(4);
  await page.keyboard.press("Control+z");
  await expect(stepNodes(page)).toHaveCount(6);
  await page.keyboard.press("Control+Shift+z");
  await expect(stepNodes(page)).toHaveCount(4);

  // The inspector's buttons do the same to a selection: Delete the bottom row.
  await selectSteps(page, ["c", "d"]);
  await selection.getByRole("button", { name: "Delete" }).click();
  await expect.poll(() => visibleStepIds(page)).toEqual(["a", "b"]);
  await expect(edges(page)).toHaveCount(1);
  await expectDraftSaved(page);
  const stored = await getSegmentDetail(request, segment.segment_id);
  expect(stored.draft?.document.steps.map((s) => s.step_id).sort()).toEqual(["a", "b"]);
  noErrors();
});

test("auto-layout untangles piled-up steps without overlaps, and undo puts them back", async ({ page, request }) => {
  test.setTimeout(240_000);
  const noErrors = failOnPageErrors(page);
  const ids = ["one", "two", "three", "four"];
  const segment = await seedSegment(request, {
    name: uniqueName("E2E auto layout"),
    entrypoint: "one",
    // Piled up on top of each other, in reverse order.
    steps: ids.map((id, i) => transformStep(id, i === 0 ? "input" : "step_input", 96 - i * 32, 48 - i * 16)),
    edges: ids.slice(1).map((id, i) => ({ from_step: ids[i] as string, to_step: id })),
  });
  await openEditor(page, segment.segment_id, 4);
  const before = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await flowRect(stepNode(page, id))] as const)));
  await screenshot(page, "editor-layout-1-piled");

  await page.getByRole("toolbar", { name: "Canvas tools" }).getByRole("button", { name: "Auto-layout" }).click();
  // ELK runs in a Web Worker; the button stays disabled until the layout is applied.
  await expect(page.getByTestId("canvas-auto-layout")).toBeEnabled(SERVER_CALL);
  await expect.poll(() => flowRect(stepNode(page, "one")), SERVER_CALL).not.toEqual(before.one);

  // Laid out left to right in the order of the edges, and no two cards overlap (flow
  // coordinates: the view is still animating to fit them).
  const rects = await Promise.all(ids.map((id) => flowRect(stepNode(page, id))));
  for (let i = 1; i < rects.length; i++) expect(rects[i]!.x).toBeGreaterThan(rects[i - 1]!.x);
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const [p, q] = [rects[i]!, rects[j]!];
      const overlap = p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
      expect(overlap, `${ids[i]} and ${ids[j]} overlap`).toBe(false);
    }
  }
  await screenshot(page, "editor-layout-2-laid-out");

  // One undo restores every position.
  await clickPane(page);
  await page.keyboard.press("Control+z");
  for (const id of ids) await expect.poll(() => flowRect(stepNode(page, id))).toEqual(before[id]);
  noErrors();
});

test("help overlay lists the shortcuts; fit view, zoom buttons and the minimap toggle change the view", async ({ page, request }) => {
  test.setTimeout(180_000);
  const noErrors = failOnPageErrors(page);
  const segment = await seedSegment(request, {
    name: uniqueName("E2E view tools"),
    entrypoint: "left",
    steps: [transformStep("left", "input", 0, 0), transformStep("middle", "step_input", 480, 160), transformStep("right", "step_input", 960, 320)],
    edges: [
      { from_step: "left", to_step: "middle" },
      { from_step: "middle", to_step: "right" },
    ],
  });
  await openEditor(page, segment.segment_id, 3);

  // "?" opens the shortcut list; Escape closes it.
  await clickPane(page);
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  for (const label of ["Undo", "Redo", "Save revision", "Copy / paste", "Duplicate selection", "Group selected steps", "Box-select", "Fit view", "Auto-layout"]) {
    await expect(help.getByRole("listitem").filter({ hasText: label }).first()).toBeVisible();
  }
  await expect(help.getByRole("listitem").filter({ hasText: "Undo" }).first()).toContainText("Ctrl");
  await screenshot(page, "editor-view-1-help");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  const tools = page.getByRole("toolbar", { name: "Canvas tools" });
  const zoomLabel = tools.getByRole("button", { name: /^Zoom \d+%, reset to 100%$/ });
  const zoomIn = tools.getByRole("button", { name: "Zoom in" });
  const zoomOut = tools.getByRole("button", { name: "Zoom out" });
  const zoom = async () => Number(/Zoom (\d+)%/.exec((await zoomLabel.getAttribute("aria-label")) ?? "")?.[1]);
  // The buttons animate the zoom by steps of 1.2×: wait for each level (±1% for rounding).
  const expectZoom = (percent: number) => expect.poll(async () => Math.abs((await zoom()) - percent)).toBeLessThanOrEqual(1);
  await zoomLabel.click();
  await expectZoom(100);
  await expect(zoomLabel).toHaveText("100%");
  await zoomIn.click();
  await expectZoom(120);
  await zoomIn.click();
  await expectZoom(144);
  await zoomOut.click();
  await expectZoom(120);

  // Zoomed in, a step is off screen; Fit view brings every step into the canvas.
  await zoomIn.click();
  await expectZoom(144);
  const area = await canvas(page).boundingBox();
  if (!area) throw new Error("canvas not laid out");
  const inside = async (id: string) => {
    const b = await stepNode(page, id).boundingBox();
    return b !== null && b.x >= area.x && b.y >= area.y && b.x + b.width <= area.x + area.width && b.y + b.height <= area.y + area.height;
  };
  await expect.poll(async () => (await inside("left")) && (await inside("right"))).toBe(false);
  await tools.getByRole("button", { name: "Fit view" }).click();
  for (const id of ["left", "middle", "right"]) await expect.poll(() => inside(id)).toBe(true);
  await screenshot(page, "editor-view-2-fitted");

  // The minimap: shown for a small segment, hidden and shown again from the toolbar.
  const minimap = page.getByTestId("editor-canvas").locator(".react-flow__minimap");
  const toggle = tools.getByRole("button", { name: "Minimap" });
  await expect(minimap).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  await expect(minimap).toHaveCount(0);
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(minimap).toBeVisible();

  // The toolbar's help button opens the same list.
  await tools.getByRole("button", { name: "Keyboard shortcuts" }).click();
  await expect(help).toBeVisible();
  await help.getByRole("button", { name: "Close" }).click();
  await expect(help).toBeHidden();
  noErrors();
});

test("set the entrypoint from a step's context menu: the Start pill moves and the draft saves it", async ({ page, request }) => {
  test.setTimeout(180_000);
  const noErrors = failOnPageErrors(page);
  const segment = await seedSegment(request, {
    name: uniqueName("E2E entrypoint"),
    entrypoint: "intake",
    steps: [transformStep("intake", "input", 0, 0, "Intake"), transformStep("review", "step_input", 320, 0, "Review")],
    edges: [{ from_step: "intake", to_step: "review" }],
  });
  await openEditor(page, segment.segment_id, 2);
  await expect(page.getByTestId("step-node-intake")).toHaveAttribute("data-start", "true");
  await expect(stepNode(page, "intake")).toContainText("Start");

  await stepNode(page, "review").click({ button: "right" });
  const menu = page.getByRole("menu", { name: "Step actions" });
  await expect(menu).toBeVisible();
  await screenshot(page, "editor-entry-1-menu");
  await menu.getByRole("menuitem", { name: "Set as start" }).click();
  await expect(menu).toBeHidden();

  await expect(page.getByTestId("step-node-review")).toHaveAttribute("data-start", "true");
  await expect(page.getByTestId("step-node-intake")).not.toHaveAttribute("data-start", "true");
  await expect(stepNode(page, "intake")).not.toContainText("Start");
  // The inspector (the right-clicked step is selected) says it is the entry now.
  await expect(inspector(page).getByTestId("step-inspector")).toHaveAttribute("data-step-id", "review");
  await expect(inspector(page).getByTestId("step-inspector")).toContainText("Entry");
  // Already the start: the menu item is off.
  await stepNode(page, "review").click({ button: "right" });
  await expect(menu.getByRole("menuitem", { name: "Set as start" })).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();

  await expectDraftSaved(page);
  expect((await getSegmentDetail(request, segment.segment_id)).draft?.document.entrypoint).toBe("review");
  await screenshot(page, "editor-entry-2-moved");
  // Undo moves it back.
  await clickPane(page);
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("step-node-intake")).toHaveAttribute("data-start", "true");
  noErrors();
});
