// Queue mode as a user sees it: the web process runs no steps (LLMTEAM_WORKERS=0), a worker
// process does, and the run view still lights up live, waits on the approval and finishes when
// the reviewer approves on the canvas.
import { expect, test } from "@playwright/test";
import { screenshot } from "../segments/support";

test("a run advanced by a worker process shows live on the canvas; approving on the node finishes it", async ({ page, request }) => {
  const health = await request.get("/api/v1/health");
  expect(await health.json()).toMatchObject({ status: "ok", db: "postgres", queue: "redis" });

  const started = await request.post("/api/v1/segments/article-writer/runs", { data: { input_data: { topic: "Queue mode" } } });
  expect(started.status(), await started.text()).toBe(202);
  const { run_id: runId } = (await started.json()) as { run_id: string };

  await page.goto(`/runs/${runId}`, { timeout: 90_000 });
  const panel = page.getByTestId("approval-panel");
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole("heading", { name: "Approve the article draft" })).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="research"]')).toBeVisible();
  await screenshot(page, "queue-mode-waiting");

  await panel.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByText("Completed").first()).toBeVisible({ timeout: 20_000 });
  await screenshot(page, "queue-mode-completed");

  const run = (await (await request.get(`/api/v1/runs/${runId}`)).json()) as { status: string };
  expect(run.status).toBe("completed");
});
