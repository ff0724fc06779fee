// Signs the owner in through the sign-in page once and saves the browser state (the session
// cookie) that every other project starts from.
import { expect, test as setup } from "@playwright/test";
import { E2E_OWNER, OWNER_STATE } from "./credentials";

setup("sign in as the owner", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(E2E_OWNER.email);
  await page.getByLabel("Password").fill(E2E_OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Segments" })).toBeVisible();
  await page.context().storageState({ path: OWNER_STATE });
});
