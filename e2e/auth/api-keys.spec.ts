// API keys: create one in the settings page (shown once), use it like curl, revoke it.
import { expect, test } from "@playwright/test";
import { E2E_OWNER } from "../credentials";
import { failOnPageErrors, screenshot, uniqueName } from "../segments/support";

/** Request contexts inherit the project's signed-in state unless told otherwise. */
const NO_STATE = { cookies: [], origins: [] };

test("create a key, see it once, call the API with it, revoke it → 401", async ({ page, playwright, baseURL }) => {
  const assertClean = failOnPageErrors(page);
  await page.goto("/");
  await page.getByRole("button", { name: `Account: signed in as ${E2E_OWNER.email}` }).click();
  await page.getByRole("menuitem", { name: "API keys" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByRole("heading", { level: 1, name: /^API keys/ })).toBeVisible();

  const name = uniqueName("CI script");
  await page.getByRole("button", { name: "New API key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New API key" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^llmt_[\w-]{43}$/);
  const key = (await shown.textContent()) ?? "";
  await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 13));
  await screenshot(page, "auth-api-key-created");

  // A program (no cookies, no Origin) with the key, as curl would call it.
  const program = await playwright.request.newContext({ baseURL, storageState: NO_STATE, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  const listed = await program.get("/api/v1/segments?limit=1");
  expect(listed.status()).toBe(200);
  const anonymous = await playwright.request.newContext({ baseURL, storageState: NO_STATE });
  const refused = await anonymous.get("/api/v1/segments");
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: { code: "unauthorized", message: expect.stringMatching(/API key/) } });

  // Shown once: after a reload only the prefix remains, and "last used" is filled in.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);
  await expect(row).not.toContainText("Never");
  await screenshot(page, "auth-api-keys-list");

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole("alertdialog").or(page.getByRole("dialog"));
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("Revoked");
  const afterRevoke = await program.get("/api/v1/segments?limit=1");
  expect(afterRevoke.status()).toBe(401);
  expect(((await afterRevoke.json()) as { error: { message: string } }).error.message).toBe("The API key is unknown or has been revoked.");
  await program.dispose();
  await anonymous.dispose();
  assertClean();
});

test("a cookie-signed POST from another origin is refused with 403; the key needs no Origin", async ({ page, playwright, baseURL }) => {
  await page.goto("/");
  const cookies = await page.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const foreign = await playwright.request.newContext({ baseURL, storageState: NO_STATE, extraHTTPHeaders: { cookie, origin: "https://evil.example" } });
  const refused = await foreign.post("/api/trpc/segments.create", { data: { name: uniqueName("CSRF") } });
  expect(refused.status()).toBe(403);
  await foreign.dispose();
  const own = await playwright.request.newContext({ baseURL, storageState: NO_STATE, extraHTTPHeaders: { cookie, origin: new URL(baseURL ?? "").origin } });
  expect((await own.post("/api/trpc/segments.create", { data: { name: uniqueName("Same origin") } })).status()).toBe(200);
  await own.dispose();
});
