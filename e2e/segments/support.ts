// Helpers for the segment and run list specs: seeding through the API,
// finding table rows, and screenshots people look at.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { API_HEADERS } from "../credentials";

const here = path.dirname(fileURLToPath(import.meta.url));
const fallbackDir = path.resolve(here, "../.output/screenshots");

/** A name no other test run uses. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

type SegmentSummary = { segment_id: string; name: string };

/** Creates a segment through the tRPC endpoint the UI uses. */
export async function createSegment(request: APIRequestContext, name: string): Promise<SegmentSummary> {
  const res = await request.post("/api/trpc/segments.create", { data: { name } , headers: API_HEADERS });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { result: { data: SegmentSummary } }).result.data;
}

export async function listSegments(request: APIRequestContext): Promise<SegmentSummary[]> {
  const res = await request.get("/api/trpc/segments.list");
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { result: { data: SegmentSummary[] } }).result.data;
}

/** The list row whose name link is exactly `name`. */
export function segmentRow(page: Page, name: string) {
  return page.getByRole("table", { name: "Segments" }).getByRole("row").filter({
    has: page.getByRole("link", { name, exact: true }),
  });
}

/** Opens the "⋯" menu of a row and picks an item ("Open", "Rename…", "Delete…"). */
export async function rowAction(page: Page, name: string, item: "Open" | "Rename…" | "Delete…") {
  await page.getByRole("button", { name: `Actions for ${name}`, exact: true }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

/** A full-page screenshot in e2e/.output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string) {
  const dir = (test.info().config.metadata as { screenshotDir?: string }).screenshotDir ?? fallbackDir;
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true, animations: "disabled" });
}

/** Fails the test on uncaught errors in the page. */
export function failOnPageErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // The server sends a Content-Security-Policy: anything it blocks is a bug of the app or the policy.
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) errors.push(`CSP: ${message.text()}`);
  });
  return () => expect(errors, "uncaught errors and CSP violations in the page").toEqual([]);
}

/**
 * Opens the "New segment" dialog. The button is server-rendered: a click that lands before
 * React has hydrated the page does nothing (seen under CI load), so click until it opens.
 */
export async function openNewSegmentDialog(page: Page) {
  const dialog = page.getByRole("dialog", { name: "New segment" });
  await expect(async () => {
    await page.getByRole("button", { name: "New segment" }).first().click();
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  return dialog;
}
