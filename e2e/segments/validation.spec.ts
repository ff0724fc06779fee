// The create dialog refuses a blank name and picks a free id for a taken one.
import { slugify } from "../../src/shared/segment/slug";
import { expect, test } from "@playwright/test";
import { createSegment, listSegments, openNewSegmentDialog, screenshot, uniqueName } from "./support";

test("an empty name shows a validation message, keeps the input and creates nothing", async ({ page, request }) => {
  const before = (await listSegments(request)).length;
  await page.goto("/");
  await openNewSegmentDialog(page);
  const dialog = page.getByRole("dialog", { name: "New segment" });
  const nameField = dialog.getByLabel("Name");

  await dialog.getByLabel("Description").fill("A description worth keeping");
  await dialog.getByRole("button", { name: "Create segment" }).click();
  await expect(dialog.getByText("Name is required")).toBeVisible();
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  await expect(nameField).toBeFocused();
  await expect(dialog.getByLabel("Description")).toHaveValue("A description worth keeping");
  await screenshot(page, "segments-new-error");

  // Only spaces is empty too; Enter submits.
  await nameField.fill("   ");
  await nameField.press("Enter");
  await expect(dialog.getByText("Name is required")).toBeVisible();
  await expect(page).toHaveURL("/");

  // Typing clears the error; Esc closes without creating.
  await nameField.fill("x");
  await expect(dialog.getByText("Name is required")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect((await listSegments(request)).length).toBe(before);
});

test("two segments with the same name get ids x and x-2", async ({ page, request }) => {
  const name = uniqueName("E2E twin");
  const id = slugify(name);
  const first = await createSegment(request, name);
  expect(first.segment_id).toBe(id);

  await page.goto("/");
  await openNewSegmentDialog(page);
  const dialog = page.getByRole("dialog", { name: "New segment" });
  await dialog.getByLabel("Name").fill(name);
  await expect(dialog.getByTestId("segment-id-preview")).toHaveText(`${id}-2`);
  await expect(dialog).toContainText(`${id} is taken`);
  await dialog.getByRole("button", { name: "Create segment" }).click();
  await expect(page).toHaveURL(`/segments/${id}-2`);

  const ids = (await listSegments(request)).filter((s) => s.name === name).map((s) => s.segment_id);
  expect(ids.sort()).toEqual([id, `${id}-2`]);
});
