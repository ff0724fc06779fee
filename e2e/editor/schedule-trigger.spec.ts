// Cron schedules in the segment's settings: a bad pattern is refused with the reason; a schedule
// every 2 seconds shows its next fires, fires on the server, links its last run, and pauses.
import { expect, test } from "@playwright/test";
import { failOnPageErrors, screenshot, uniqueName } from "../segments/support";
import { clickPane, inspector, openEditor, seedSegment, SERVER_CALL, transformStep } from "./support";

test.use({ viewport: { width: 1440, height: 900 } });

test("add a schedule: a bad pattern says why; a good one fires, links its run and can be paused", async ({ page, request }) => {
  const noErrors = failOnPageErrors(page);
  const segment = await seedSegment(
    request,
    { name: uniqueName("E2E schedule"), entrypoint: "greet", steps: [transformStep("greet", '{ "message": "Hello, " & input.name }', 0, 0)], edges: [] },
    { asRevision: true },
  );
  await openEditor(page, segment.segment_id, 1);
  await clickPane(page);
  const section = inspector(page).getByTestId("schedules-section");
  await section.scrollIntoViewIfNeeded();
  const form = section.getByTestId("add-schedule");

  await form.getByLabel("Cron").fill("every day");
  await form.getByRole("button", { name: "Add schedule" }).click();
  await expect(form.getByRole("alert")).toContainText("not a valid cron pattern", SERVER_CALL);

  await form.getByLabel("Cron").fill("*/2 * * * * *");
  await form.getByLabel("Time zone").selectOption("UTC");
  await form.getByLabel("Run input (JSON)").fill('{"name": "Ada"}');
  await form.getByRole("button", { name: "Add schedule" }).click();
  const row = section.locator('[data-testid^="schedule-"][data-enabled="true"]');
  await expect(row).toContainText("*/2 * * * * *", SERVER_CALL);
  await expect(row).toContainText("Next:");

  // The server fires it within seconds; the list shows the last run (it refreshes on focus/remount).
  await expect
    .poll(
      async () => {
        const runs = await request.get(`/api/v1/runs?segment_id=${segment.segment_id}`);
        return ((await runs.json()) as { items: unknown[] }).items.length;
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  await page.reload();
  await clickPane(page);
  await section.scrollIntoViewIfNeeded();
  await expect(row.getByRole("link")).toBeVisible(SERVER_CALL);
  await screenshot(page, "editor-schedule-added");

  await row.getByRole("button", { name: "Pause" }).click();
  await expect(section.locator('[data-testid^="schedule-"][data-enabled="false"]')).toContainText("Paused", SERVER_CALL);
  // A fire claimed just before the pause may still be starting its run: let it land, then count.
  await page.waitForTimeout(500);
  const runs = await request.get(`/api/v1/runs?segment_id=${segment.segment_id}&limit=200`);
  const count = ((await runs.json()) as { items: { input?: unknown }[] }).items.length;
  await page.waitForTimeout(2500);
  const later = await request.get(`/api/v1/runs?segment_id=${segment.segment_id}&limit=200`);
  expect(((await later.json()) as { items: unknown[] }).items.length).toBe(count);
  noErrors();
});
