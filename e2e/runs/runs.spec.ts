// The run list's filters live in the URL without breaking anything. (Its empty state,
// which needs a database without runs, is in e2e/fresh-install.)
import { expect, test } from "@playwright/test";
import { failOnPageErrors } from "../segments/support";

test("status and segment filters update the URL and can be cleared", async ({ page }) => {
  const noErrors = failOnPageErrors(page);
  await page.goto("/runs");
  const status = page.getByLabel("Status");
  const segment = page.getByLabel("Segment");
  await expect(segment.locator("option", { hasText: "Article writer" })).toHaveCount(1);

  await status.selectOption("failed");
  await expect(page).toHaveURL(/[?&]status=failed/);
  await expect(page.getByText("No runs match these filters")).toBeVisible();

  await segment.selectOption({ label: "Article writer" });
  await expect(page).toHaveURL(/[?&]segment=article-writer/);
  await expect(page).toHaveURL(/[?&]status=failed/);
  await expect(page.getByText("No runs match these filters")).toBeVisible();

  await page.reload();
  await expect(status).toHaveValue("failed");
  await expect(segment).toHaveValue("article-writer");

  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL("/runs");
  await expect(status).toHaveValue("");
  await expect(page.getByText("No runs match these filters")).toHaveCount(0);
  noErrors();
});

test("unknown filter values in the URL are ignored", async ({ page }) => {
  const noErrors = failOnPageErrors(page);
  await page.goto("/runs?status=bogus&segment=no-such-segment");
  await expect(page.getByLabel("Status")).toHaveValue("");
  await expect(page.getByLabel("Segment")).toHaveValue("no-such-segment");
  await expect(page.getByText("No runs match these filters")).toBeVisible();
  noErrors();
});

test("the top bar navigates between segments and runs", async ({ page }) => {
  await page.goto("/runs");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Segments" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { name: "Segments", level: 1 })).toBeVisible();
  await nav.getByRole("link", { name: "Runs" }).click();
  await expect(page).toHaveURL("/runs");
  await expect(page.getByRole("heading", { name: "Runs", level: 1 })).toBeVisible();
});
