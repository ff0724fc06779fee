// Signing in and out through the UI with access control on (a browser with no session).
import { expect, test } from "@playwright/test";
import { E2E_OWNER } from "../credentials";
import { failOnPageErrors, screenshot } from "../segments/support";

test.use({ storageState: { cookies: [], origins: [] } });

test("a page asks to sign in; a wrong password is refused, the right one returns to the page", async ({ page }) => {
  const assertClean = failOnPageErrors(page);
  const response = await page.goto("/runs?status=completed");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fruns%3Fstatus%3Dcompleted$/);
  // Security headers on every answer.
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(E2E_OWNER.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await screenshot(page, "auth-sign-in-wrong-password");

  // An unknown email gets the very same answer.
  await page.getByLabel("Email").fill("someone-else@e2e.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");

  await page.getByLabel("Email").fill(E2E_OWNER.email);
  await page.getByLabel("Password").fill(E2E_OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/runs\?status=completed$/);
  await expect(page.getByRole("heading", { name: "Runs" })).toBeVisible();
  await expect(page.getByText("Access control is off")).toHaveCount(0);
  assertClean();
});

test("sign out from the account menu returns to sign-in and ends the session", async ({ page }) => {
  const assertClean = failOnPageErrors(page);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(E2E_OWNER.email);
  await page.getByLabel("Password").fill(E2E_OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Segments" })).toBeVisible();

  const account = page.getByRole("button", { name: `Account: signed in as ${E2E_OWNER.email}` });
  await account.click();
  await expect(page.getByTestId("signed-in-email")).toHaveText(E2E_OWNER.email);
  await screenshot(page, "auth-account-menu");
  // A full-page screenshot may resize the viewport, which closes the menu: open it again if so.
  const signOut = page.getByRole("menuitem", { name: "Sign out" });
  if (!(await signOut.isVisible())) await account.click();
  await signOut.click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto("/approvals");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fapprovals$/);
  // The API refuses the old browser session too.
  const info = await page.request.get("/api/trpc/system.info");
  expect(info.status()).toBe(401);
  assertClean();
});
