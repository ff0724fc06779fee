// What a new user sees before doing anything: these run first (the "fresh-install" project in
// playwright.config.ts), on the server's new database, before any other spec starts a run.
import { expect, test } from "@playwright/test";
import { failOnPageErrors, screenshot } from "../segments/support";

test("runs page shows the empty state", async ({ page }) => {
  const noErrors = failOnPageErrors(page);
  await page.goto("/runs");
  await expect(page.getByRole("heading", { name: "Runs", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No runs yet")).toBeVisible();
  await expect(page.getByText(/Runs appear here when you run a segment\./)).toBeVisible();
  await screenshot(page, "runs-empty");
  noErrors();
});
