// The webhook trigger in the segment's settings: enable it, call the URL shown (the body becomes
// the run input, ?wait returns the output), rotate the token (the old URL is refused), turn it off.
import { expect, test } from "@playwright/test";
import { failOnPageErrors, screenshot, uniqueName } from "../segments/support";
import { clickPane, inspector, openEditor, seedSegment, SERVER_CALL, transformStep } from "./support";

test.use({ viewport: { width: 1440, height: 900 } });

test("enable a webhook, start a run through its URL, rotate the token and turn it off", async ({ page, request }) => {
  const noErrors = failOnPageErrors(page);
  const name = uniqueName("E2E webhook");
  const segment = await seedSegment(
    request,
    { name, entrypoint: "greet", steps: [transformStep("greet", '{ "message": "Hello, " & input.name }', 0, 0)], edges: [] },
    { asRevision: true },
  );
  await openEditor(page, segment.segment_id, 1);
  await clickPane(page);
  const section = inspector(page).getByTestId("webhook-section");
  await section.scrollIntoViewIfNeeded();
  await section.getByRole("button", { name: "Enable webhook" }).click();
  const field = section.getByRole("textbox", { name: "URL" });
  await expect(field).toHaveValue(new RegExp(`/api/v1/hooks/${segment.segment_id}/[A-Za-z0-9_-]{43}$`), SERVER_CALL);
  await screenshot(page, "editor-webhook-enabled");
  const url = await field.inputValue();
  const path = new URL(url).pathname;

  const reply = await request.post(`${path}?wait=15`, { data: { name: "Ada" } });
  expect(reply.status()).toBe(200);
  expect(await reply.json()).toMatchObject({ status: "completed", output: { message: "Hello, Ada" } });

  await section.getByRole("button", { name: "Rotate token" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Rotate the webhook token?" });
  await expect(dialog).toContainText("stops working at once");
  await dialog.getByRole("button", { name: "Rotate token" }).click();
  await expect(field).not.toHaveValue(url, SERVER_CALL);
  expect((await request.post(path, { data: { name: "Ada" } })).status()).toBe(404);
  const rotated = new URL(await field.inputValue()).pathname;
  expect((await request.post(rotated, { data: { name: "Ada" } })).status()).toBe(202);

  await section.getByRole("button", { name: "Turn off" }).click();
  await page.getByRole("alertdialog", { name: "Turn the webhook off?" }).getByRole("button", { name: "Turn off" }).click();
  await expect(section.getByRole("button", { name: "Enable webhook" })).toBeVisible(SERVER_CALL);
  expect((await request.post(rotated, { data: { name: "Ada" } })).status()).toBe(404);
  noErrors();
});
