// Creating a segment from the list lands in its editor, and it stays created.
import { slugify } from "../../src/shared/segment/slug";
import { expect, test } from "@playwright/test";
import { failOnPageErrors, openNewSegmentDialog, screenshot, segmentRow, uniqueName } from "./support";

test("create from the list dialog, land on the editor, and find it again after a reload", async ({ page }) => {
  const noErrors = failOnPageErrors(page);
  const name = uniqueName("E2E created");
  const id = slugify(name);
  await page.goto("/");

  await openNewSegmentDialog(page);
  const dialog = page.getByRole("dialog", { name: "New segment" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await dialog.getByLabel("Name").fill(name);
  await expect(dialog.getByTestId("segment-id-preview")).toHaveText(id);
  await dialog.getByLabel("Description").fill("Made by the create e2e test");
  await dialog.getByLabel("Name").press("Enter");

  await expect(page).toHaveURL(`/segments/${id}`);
  await expect(page.locator(".react-flow")).toBeVisible();
  // A new, empty segment is not scolded: the canvas says how to start, no "2 errors", no red
  // Start step; the header says there is no revision yet.
  await expect(page.getByText("No steps yet")).toBeVisible();
  await expect(page.getByTestId("problems-panel")).toHaveCount(0);
  await expect(page.locator("#segment-entrypoint")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("entrypoint must not be empty")).toHaveCount(0);
  await expect(page.getByTestId("editor-top-bar")).toContainText("no revision yet");
  await screenshot(page, "editor-new-empty-segment");

  await page.goBack();
  await expect(page).toHaveURL("/");
  await page.reload();
  const row = segmentRow(page, name);
  await expect(row).toBeVisible();
  await expect(row).toContainText(id);
  await expect(row).toContainText("Made by the create e2e test");

  await row.getByRole("link", { name }).click();
  await expect(page).toHaveURL(`/segments/${id}`);
  await expect(page.locator(".react-flow")).toBeVisible();
  noErrors();
});

test("opening a seeded example shows its steps on the canvas", async ({ page }) => {
  await page.goto("/");
  await segmentRow(page, "Article writer").getByRole("link", { name: "Article writer" }).click();
  await expect(page).toHaveURL("/segments/article-writer");
  const canvas = page.locator(".react-flow");
  await expect(canvas).toBeVisible();
  await expect(canvas.getByText("Research", { exact: true })).toBeVisible();
  await expect(canvas.getByText("Draft article", { exact: true })).toBeVisible();
  await screenshot(page, "segments-editor-article-writer");
});
