// Two tabs on one segment (the later autosave gets the conflict dialog, and each way out of it
// is checked after a reload), and the revision history: save twice, see both with their
// diffs, open the older one read-only, restore it into the draft.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { failOnPageErrors, screenshot, uniqueName } from "../segments/support";
import { OWNER_STATE } from "../credentials";
import {
  clickPane,
  expectDraftSaved,
  getSegmentDetail,
  inspector,
  openEditor,
  PAGE_LOAD,
  saveRevision,
  seedSegment,
  SERVER_CALL,
  stepNode,
  transformStep,
  visibleStepIds,
  type SeedDocument,
} from "./support";

test.use({ viewport: { width: 1440, height: 900 } });

const conflictDialog = (page: Page) =>
  page.getByRole("alertdialog", { name: "This segment was changed in another tab or by someone else" });

function threeSteps(name: string): SeedDocument {
  return {
    name,
    entrypoint: "fetch",
    steps: [
      transformStep("fetch", "input", 0, 0, "Fetch"),
      transformStep("clean", "step_input", 320, 0, "Clean"),
      transformStep("publish", "step_input", 640, 0, "Publish"),
    ],
    edges: [
      { from_step: "fetch", to_step: "clean" },
      { from_step: "clean", to_step: "publish" },
    ],
  };
}

/** A second browser (its own context: another user's tab) on the same app. */
async function secondTab(browser: Browser): Promise<Page> {
  // The same owner signed in on another tab: the project's signed-in state.
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: { width: 1440, height: 900 },
    storageState: OWNER_STATE,
  });
  return context.newPage();
}

async function renameSegment(page: Page, name: string) {
  await page.getByTestId("segment-title").click();
  await page.getByRole("textbox", { name: "Segment name" }).fill(name);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("segment-title")).toHaveText(name);
}

/**
 * Tab A deletes "publish" and autosaves; tab B, opened on the same draft before that,
 * renames the segment: its autosave is the later write and must stop at the conflict.
 */
async function makeConflict(browser: Browser, tabA: Page, segmentId: string, renamed: string) {
  await openEditor(tabA, segmentId, 3);
  const tabB = await secondTab(browser);
  const noErrorsB = failOnPageErrors(tabB);
  await openEditor(tabB, segmentId, 3);

  await stepNode(tabA, "publish").click();
  await tabA.keyboard.press("Delete");
  await expect(stepNode(tabA, "publish")).toHaveCount(0);
  await expectDraftSaved(tabA);

  await renameSegment(tabB, renamed);
  const dialog = conflictDialog(tabB);
  await expect(dialog).toBeVisible(SERVER_CALL);
  // The server's word on what happened, and both ways out.
  await expect(dialog).toContainText(/changed elsewhere \(draft version \d+, saved .* by .*\)/);
  await expect(dialog.getByRole("button", { name: "Reload theirs" })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Keep mine (overwrite)" })).toBeVisible();
  // Nothing was overwritten while the dialog waits: the stored draft is still tab A's.
  const stored = await getSegmentDetail(tabA.request, segmentId);
  expect(stored.draft?.document.steps.map((s) => s.step_id).sort()).toEqual(["clean", "fetch"]);
  expect(stored.draft?.document.name).not.toBe(renamed);
  return { tabB, noErrorsB };
}

test.describe("two tabs editing the same segment", () => {
  test("the later autosave gets the conflict dialog; 'Reload theirs' shows the other tab's version and autosave resumes", async ({ browser, page, request }) => {
    test.setTimeout(240_000);
    const noErrors = failOnPageErrors(page);
    const name = uniqueName("E2E conflict theirs");
    const segment = await seedSegment(request, threeSteps(name));
    const { tabB, noErrorsB } = await makeConflict(browser, page, segment.segment_id, `${name} (tab B)`);
    await screenshot(tabB, "editor-conflict-1-dialog");

    await conflictDialog(tabB).getByRole("button", { name: "Reload theirs" }).click();
    await expect(conflictDialog(tabB)).toBeHidden(SERVER_CALL);
    // Tab B now shows tab A's version: "publish" gone, the old name back.
    await expect.poll(() => visibleStepIds(tabB)).toEqual(["clean", "fetch"]);
    await expect(tabB.getByTestId("segment-title")).toHaveText(name);
    await expectDraftSaved(tabB);
    // Undo must not bring back the discarded version.
    await expect(tabB.getByTestId("canvas-undo")).toBeDisabled();

    // Autosave works again from tab B: its next change is written without a conflict.
    await stepNode(tabB, "clean").click();
    await tabB.keyboard.press("Delete");
    await expect(stepNode(tabB, "clean")).toHaveCount(0);
    await expectDraftSaved(tabB);
    await expect(conflictDialog(tabB)).toBeHidden();

    await tabB.reload();
    await expect(stepNode(tabB, "fetch")).toBeVisible(PAGE_LOAD);
    await expect.poll(() => visibleStepIds(tabB)).toEqual(["fetch"]);
    await expect(tabB.getByTestId("segment-title")).toHaveText(name);
    await screenshot(tabB, "editor-conflict-2-theirs-reloaded");
    noErrorsB();
    noErrors();
    await tabB.context().close();
  });

  test("'Keep mine' after dismissing the dialog overwrites the other tab's version; the other tab sees it after a reload", async ({ browser, page, request }) => {
    test.setTimeout(240_000);
    const noErrors = failOnPageErrors(page);
    const name = uniqueName("E2E conflict mine");
    const renamed = `${name} (tab B)`;
    const segment = await seedSegment(request, threeSteps(name));
    const { tabB, noErrorsB } = await makeConflict(browser, page, segment.segment_id, renamed);

    // Dismissed, the conflict stays on the save status; autosave stays paused until a choice.
    await tabB.keyboard.press("Escape");
    await expect(conflictDialog(tabB)).toBeHidden();
    const status = tabB.getByTestId("save-status");
    await expect(status).toHaveAttribute("data-status", "conflict");
    await expect(status.getByRole("button", { name: "Conflict" })).toBeVisible();
    await screenshot(tabB, "editor-conflict-3-dismissed");
    await status.getByRole("button", { name: "Conflict" }).click();
    await expect(conflictDialog(tabB)).toBeVisible();

    await conflictDialog(tabB).getByRole("button", { name: "Keep mine (overwrite)" }).click();
    await expect(conflictDialog(tabB)).toBeHidden(SERVER_CALL);
    await expectDraftSaved(tabB);
    await expect.poll(() => visibleStepIds(tabB)).toEqual(["clean", "fetch", "publish"]);

    const stored = await getSegmentDetail(request, segment.segment_id);
    expect(stored.draft?.document.name).toBe(renamed);
    expect(stored.draft?.document.steps.map((s) => s.step_id).sort()).toEqual(["clean", "fetch", "publish"]);

    // Tab A, reloaded, shows tab B's version: the rename and the step it had deleted.
    await page.reload();
    await expect(stepNode(page, "publish")).toBeVisible(PAGE_LOAD);
    await expect.poll(() => visibleStepIds(page)).toEqual(["clean", "fetch", "publish"]);
    await expect(page.getByTestId("segment-title")).toHaveText(renamed);
    await screenshot(page, "editor-conflict-4-mine-in-other-tab");
    noErrorsB();
    noErrors();
    await tabB.context().close();
  });
});

test.describe("revision history", () => {
  test("two saved revisions are listed with their changes; the older one opens read-only and restores into the draft", async ({ page, request }) => {
    test.setTimeout(240_000);
    const noErrors = failOnPageErrors(page);
    const name = uniqueName("E2E revisions");
    const segment = await seedSegment(request, {
      name,
      entrypoint: "draft_text",
      steps: [transformStep("draft_text", "input.topic", 0, 0, "Draft text"), transformStep("polish", 'step_input & "!"', 320, 0, "Polish")],
      edges: [{ from_step: "draft_text", to_step: "polish" }],
    });
    await openEditor(page, segment.segment_id, 2);
    await expect(page.getByTestId("editor-top-bar").getByText("no revision yet")).toBeVisible();

    // Revision 1: the two steps as seeded.
    await page.keyboard.press("Control+s");
    await expect(page.getByTestId("revision-badge")).toHaveText("rev 1", SERVER_CALL);
    await expect(page.getByRole("button", { name: "Saved" })).toBeDisabled();

    // Revision 2: "polish" deleted and the first step's expression changed.
    await stepNode(page, "polish").click();
    await page.keyboard.press("Delete");
    await expect(stepNode(page, "polish")).toHaveCount(0);
    await expect(page.getByTestId("revision-badge")).toContainText("Draft");
    await stepNode(page, "draft_text").click();
    await expect(inspector(page).getByLabel("Step ID")).toHaveValue("draft_text");
    await inspector(page).getByRole("textbox", { name: /^Expression/ }).click();
    await page.keyboard.press("End");
    await page.keyboard.insertText(".title");
    await expect(stepNode(page, "draft_text")).toContainText("input.topic.title");
    await clickPane(page);
    await page.keyboard.press("Control+s");
    await expect(page.getByTestId("revision-badge")).toHaveText("rev 2", SERVER_CALL);
    await expect(page.getByRole("button", { name: "Saved" })).toBeDisabled();

    // The history: newest first, each with its changes in words.
    await page.getByRole("button", { name: "Segment actions" }).click();
    await page.getByRole("menuitem", { name: "Revision history" }).click();
    const history = page.getByRole("complementary", { name: "Revision history" });
    await expect(history).toBeVisible();
    const rows = history.getByTestId("revision-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText("Revision 2");
    await expect(rows.nth(0)).toContainText("Latest");
    await expect(rows.nth(0)).toContainText("1 step");
    const latestChanges = rows.nth(0).getByRole("list", { name: "Changes" });
    await expect(latestChanges).toContainText("−1 step");
    await expect(latestChanges).toContainText("~1 changed");
    await expect(latestChanges).toContainText("−1 connection");
    await expect(rows.nth(1)).toContainText("Revision 1");
    await expect(rows.nth(1).getByRole("list", { name: "Changes" })).toHaveText("First revision · 2 steps");
    // The canvas is revision 2: restoring it would change nothing.
    await expect(rows.nth(0).getByRole("button", { name: "Restore into draft" })).toBeDisabled();
    await screenshot(page, "editor-revisions-1-history");

    // Revision 1, read-only: both steps, no editing tools, Delete does nothing.
    await rows.nth(1).getByRole("link", { name: "View" }).click();
    await expect(page).toHaveURL(new RegExp(`/segments/${segment.segment_id}/revisions/1$`), PAGE_LOAD);
    await expect(page.getByTestId("revision-banner")).toContainText("Revision 1 · read-only", PAGE_LOAD);
    await expect(page.locator(".react-flow__node-step")).toHaveCount(2);
    await expect(stepNode(page, "draft_text")).toContainText("input.topic");
    await expect(stepNode(page, "draft_text")).not.toContainText("input.topic.title");
    await expect(page.getByTestId("canvas-undo")).toHaveCount(0);
    await expect(page.getByTestId("canvas-auto-layout")).toHaveCount(0);
    await stepNode(page, "polish").click();
    await page.keyboard.press("Delete");
    await expect(stepNode(page, "polish")).toBeVisible();
    await screenshot(page, "editor-revisions-2-read-only");

    // Back in the editor: restore revision 1 from the history.
    await page.getByRole("link", { name: "Back to the draft" }).click();
    await expect(stepNode(page, "draft_text")).toBeVisible(PAGE_LOAD);
    await expect(page.locator(".react-flow__node-step")).toHaveCount(1);
    await page.getByRole("button", { name: "Segment actions" }).click();
    await page.getByRole("menuitem", { name: "Revision history" }).click();
    await history.getByTestId("revision-row").nth(1).getByRole("button", { name: "Restore into draft" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Restore revision 1 into the draft?" });
    await confirm.getByRole("button", { name: "Restore into draft" }).click();
    await expect(confirm).toBeHidden(SERVER_CALL);
    await expect(page.getByText("Revision 1 restored into the draft")).toBeVisible(SERVER_CALL);

    // The canvas shows revision 1 again, as a draft on top of revision 2.
    await expect(page.locator(".react-flow__node-step")).toHaveCount(2);
    await expect(stepNode(page, "draft_text")).not.toContainText("input.topic.title");
    await expect(page.locator(".react-flow__edge")).toHaveCount(1);
    const badge = page.getByTestId("revision-badge");
    await expect(badge).toContainText("rev 2");
    await expect(badge).toContainText("Draft");
    await expect(history).toContainText("Changes since revision 2, not saved as a revision yet.");
    await expectDraftSaved(page);
    await screenshot(page, "editor-revisions-3-restored");

    // Stored: the draft is revision 1's content, the revisions are untouched.
    const stored = await getSegmentDetail(request, segment.segment_id);
    expect(stored.latest_revision).toBe(2);
    expect(stored.draft?.document.steps.map((s) => s.step_id).sort()).toEqual(["draft_text", "polish"]);
    expect(stored.revision_document?.steps.map((s) => s.step_id)).toEqual(["draft_text"]);

    // And after a reload.
    await page.reload();
    await expect(page.locator(".react-flow__node-step")).toHaveCount(2, PAGE_LOAD);
    await expect(page.getByTestId("revision-badge")).toContainText("Draft");
    noErrors();
  });

  test("'Restore into draft' on the read-only view opens the editor on the restored revision", async ({ page, request }) => {
    test.setTimeout(180_000);
    const noErrors = failOnPageErrors(page);
    const name = uniqueName("E2E restore from view");
    const first: SeedDocument = {
      name,
      entrypoint: "first",
      steps: [transformStep("first", "input", 0, 0), transformStep("second", "step_input", 320, 0), transformStep("third", "step_input", 640, 0)],
      edges: [
        { from_step: "first", to_step: "second" },
        { from_step: "second", to_step: "third" },
      ],
    };
    const segment = await seedSegment(request, first, { asRevision: true });
    const second = await saveRevision(request, segment.segment_id, { ...first, steps: first.steps.slice(0, 1), edges: [] }, segment.version);
    expect(second.revision).toBe(2);

    await page.goto(`/segments/${segment.segment_id}/revisions/1`);
    await expect(page.getByTestId("revision-banner")).toContainText("Revision 1 · read-only", PAGE_LOAD);
    await expect(page.locator(".react-flow__node-step")).toHaveCount(3);
    await page.getByTestId("revision-banner").getByRole("button", { name: "Restore into draft" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Restore revision 1 into the draft?" });
    await confirm.getByRole("button", { name: "Restore and open the editor" }).click();

    await expect(page).toHaveURL(new RegExp(`/segments/${segment.segment_id}$`), PAGE_LOAD);
    await expect(page.getByTestId("editor-top-bar")).toBeVisible(PAGE_LOAD);
    await expect(page.locator(".react-flow__node-step")).toHaveCount(3);
    await expect.poll(() => visibleStepIds(page)).toEqual(["first", "second", "third"]);
    await expect(page.getByTestId("revision-badge")).toContainText("rev 2");
    await expect(page.getByTestId("revision-badge")).toContainText("Draft");
    await screenshot(page, "editor-revisions-4-restored-from-view");

    // A revision that does not exist says so.
    await page.goto(`/segments/${segment.segment_id}/revisions/9`);
    await expect(page.getByText("Revision not found")).toBeVisible(PAGE_LOAD);
    noErrors();
  });
});
