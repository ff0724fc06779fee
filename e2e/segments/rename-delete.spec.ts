// Renaming and deleting from the row menu; delete asks first and is final.
import { expect, test } from "@playwright/test";
import { createSegment, listSegments, rowAction, screenshot, segmentRow, uniqueName } from "./support";

test("rename updates the list and keeps the id", async ({ page, request }) => {
  const original = uniqueName("E2E to rename");
  const renamed = uniqueName("E2E renamed");
  const { segment_id } = await createSegment(request, original);
  await page.goto("/");
  await expect(segmentRow(page, original)).toBeVisible();

  await rowAction(page, original, "Rename…");
  const dialog = page.getByRole("dialog", { name: "Rename segment" });
  const nameField = dialog.getByLabel("Name");
  await expect(nameField).toHaveValue(original);
  await expect(dialog).toContainText(`The ID stays ${segment_id}`);

  await nameField.fill("");
  await nameField.press("Enter");
  await expect(dialog.getByText("Name is required")).toBeVisible();

  await nameField.fill(renamed);
  await nameField.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(segmentRow(page, renamed)).toContainText(segment_id);
  await expect(segmentRow(page, original)).toHaveCount(0);

  await page.reload();
  await expect(segmentRow(page, renamed)).toBeVisible();
  await expect(segmentRow(page, original)).toHaveCount(0);
});

test("delete asks for confirmation: cancel keeps the segment, confirm removes it for good", async ({ page, request }) => {
  const name = uniqueName("E2E to delete");
  const { segment_id } = await createSegment(request, name);
  await page.goto("/");
  await expect(segmentRow(page, name)).toBeVisible();

  await rowAction(page, name, "Delete…");
  const dialog = page.getByRole("alertdialog", { name: "Delete segment?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(name);
  await expect(dialog).toContainText(segment_id);
  await expect(dialog).toContainText(/revisions/);
  await expect(dialog).toContainText(/draft/);
  await expect(dialog).toContainText(/runs/);
  await expect(dialog).toContainText("This cannot be undone.");
  await screenshot(page, "segments-delete-confirm");

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(segmentRow(page, name)).toBeVisible();

  await rowAction(page, name, "Delete…");
  await dialog.getByRole("button", { name: "Delete segment" }).click();
  await expect(dialog).toBeHidden();
  await expect(segmentRow(page, name)).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("table", { name: "Segments" })).toBeVisible();
  await expect(segmentRow(page, name)).toHaveCount(0);
  expect((await listSegments(request)).some((s) => s.segment_id === segment_id)).toBe(false);
});

test("the row menu and dialogs work from the keyboard", async ({ page, request }) => {
  const name = uniqueName("E2E keyboard");
  await createSegment(request, name);
  await page.goto("/");
  const trigger = page.getByRole("button", { name: `Actions for ${name}`, exact: true });
  await trigger.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: `Actions for ${name}` });
  await expect(menu.getByRole("menuitem", { name: "Open" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Rename…" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitem", { name: "Delete…" })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Delete segment?" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(segmentRow(page, name)).toBeVisible();
});
