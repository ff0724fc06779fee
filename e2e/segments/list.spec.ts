// The segment list as a person first sees it: the shell and the seeded examples.
import { expect, test } from "@playwright/test";
import { failOnPageErrors, screenshot, segmentRow } from "./support";

const EXAMPLES = [
  { name: "Article writer", id: "article-writer" },
  { name: "Support ticket triage", id: "support-triage" },
  { name: "Fetch and summarize", id: "fetch-and-summarize" },
];

test("list shows the seeded examples with their ids, revision and step count", async ({ page }) => {
  const noErrors = failOnPageErrors(page);
  await page.goto("/");

  await expect(page.getByRole("heading", { name: "Segments", level: 1 })).toBeVisible();
  for (const example of EXAMPLES) {
    const row = segmentRow(page, example.name);
    await expect(row).toBeVisible();
    await expect(row).toContainText(example.id);
    await expect(row.getByRole("link", { name: example.name })).toHaveAttribute("href", `/segments/${example.id}`);
  }
  await expect(segmentRow(page, "Article writer")).toContainText(/rev \d+/);

  // The shell: product name, navigation, database kind and version.
  await expect(page.getByRole("link", { name: "LLMTeam Canvas" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Segments" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Runs" })).toBeVisible();
  const topBar = page.getByRole("banner");
  await expect(topBar.getByTitle(/^Database:/)).toHaveText(/embedded/);
  await expect(topBar.getByText(/^v\d+\.\d+\.\d+/)).toBeVisible();

  await screenshot(page, "segments-list");
  noErrors();
});

test("search filters the list by name or id and says when nothing matches", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("searchbox", { name: "Search segments" });
  await expect(segmentRow(page, "Article writer")).toBeVisible();

  await search.fill("triage");
  await expect(segmentRow(page, "Support ticket triage")).toBeVisible();
  await expect(segmentRow(page, "Article writer")).toHaveCount(0);

  await search.fill("fetch-and");
  await expect(segmentRow(page, "Fetch and summarize")).toBeVisible();
  await expect(segmentRow(page, "Support ticket triage")).toHaveCount(0);

  await search.fill("zz-no-such-segment");
  await expect(page.getByText("No matching segments")).toBeVisible();
  await page.getByRole("button", { name: "Clear search" }).first().click();
  await expect(segmentRow(page, "Article writer")).toBeVisible();
});
