// The first visit to a server without an owner: a second production server on its own port and
// data dir, access control on, no LLMTEAM_OWNER_* variables.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startProductionServer } from "../../bench/production-server";
import { E2E_SECRET } from "../credentials";
import { failOnPageErrors, screenshot } from "../segments/support";

const port = Number(process.env.E2E_PORT ?? 3100) + 1;
const origin = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;
let dataDir = "";

test.use({ storageState: { cookies: [], origins: [] }, baseURL: origin });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "llmteam-e2e-setup-"));
  server = await startProductionServer(dataDir, port, { LLMTEAM_AUTH: "on", LLMTEAM_SECRET: E2E_SECRET, LLMTEAM_PUBLIC_URL: origin });
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test("the first visit creates the owner; setup then is closed", async ({ page }) => {
  const assertClean = failOnPageErrors(page);
  await page.goto("/runs");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create the owner account" })).toBeVisible();
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/setup$/);

  await page.getByLabel("Email").fill("first-owner@e2e.test");
  await page.getByLabel("Password", { exact: true }).fill("first owner password");
  await page.getByLabel("Confirm password").fill("something different");
  await page.getByRole("button", { name: "Create owner and sign in" }).click();
  await expect(page.getByText("The passwords do not match")).toBeVisible();
  await screenshot(page, "auth-owner-setup");

  await page.getByLabel("Confirm password").fill("first owner password");
  await page.getByRole("button", { name: "Create owner and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Segments" })).toBeVisible();
  await page.getByRole("button", { name: "Account: signed in as first-owner@e2e.test" }).click();
  await expect(page.getByTestId("signed-in-email")).toHaveText("first-owner@e2e.test");

  // Setup is done: the page sends signed-in people home, and the procedure refuses a second owner.
  await page.goto("/setup");
  await expect(page).toHaveURL(new RegExp(`^${origin}/$`));
  const again = await page.request.post("/api/trpc/auth.setup", {
    data: { email: "second@e2e.test", password: "second password", confirm: "second password" },
    headers: { origin },
  });
  expect(again.status()).toBe(409);
  assertClean();
});
