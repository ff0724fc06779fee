// Helpers for the editor specs: seeding a segment's draft and revisions through the tRPC
// endpoint the editor itself uses, reading them back, and finding things on the canvas the
// way a user sees them.
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { API_HEADERS } from "../credentials";

export type SeedStep = {
  step_id: string;
  type: string;
  name?: string;
  config: Record<string, unknown>;
  ui?: { x: number; y: number } & Record<string, unknown>;
};
export type SeedEdge = { from_step: string; to_step: string; from_port?: string; to_port?: string; condition?: string };
export type SeedDocument = {
  name: string;
  entrypoint: string;
  steps: SeedStep[];
  edges: SeedEdge[];
  description?: string;
  metadata?: Record<string, unknown>;
};

type StoredDocument = { segment_id: string; name: string; entrypoint: string; steps: SeedStep[]; edges: SeedEdge[]; metadata?: Record<string, unknown> };
export type SegmentDetail = {
  segment_id: string;
  name: string;
  latest_revision: number;
  draft: { document: StoredDocument; version: number } | null;
  revision_document: StoredDocument | null;
};

/** A transform step at a canvas position. */
export function transformStep(step_id: string, expression: string, x: number, y: number, name?: string): SeedStep {
  return { step_id, type: "transform", ...(name ? { name } : {}), config: { expression }, ui: { x, y } };
}

async function trpcMutation<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/trpc/${procedure}`, { data: input , headers: API_HEADERS });
  expect(res.ok(), `${procedure}: ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

export async function getSegmentDetail(request: APIRequestContext, segmentId: string): Promise<SegmentDetail> {
  const input = encodeURIComponent(JSON.stringify({ segment_id: segmentId }));
  const res = await request.get(`/api/trpc/segments.get?input=${input}`);
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { result: { data: SegmentDetail } }).result.data;
}

const contractOf = (segmentId: string, document: SeedDocument) => ({ version: "1.0", segment_id: segmentId, ...document });

/** The draft's version now (the `expected_version` of the next write). */
async function draftVersion(request: APIRequestContext, segmentId: string): Promise<number> {
  return (await getSegmentDetail(request, segmentId)).draft?.version ?? 0;
}

/**
 * Writes `document` as the segment's draft over draft version `expected` (default: the
 * current one, read first); returns the new version.
 */
export async function saveDraft(request: APIRequestContext, segmentId: string, document: SeedDocument, expected?: number): Promise<number> {
  const saved = await trpcMutation<{ version: number }>(request, "segments.saveDraft", {
    segment_id: segmentId,
    document: contractOf(segmentId, document),
    expected_version: expected ?? (await draftVersion(request, segmentId)),
  });
  return saved.version;
}

/** Saves `document` (it must be valid) as the next revision over draft version `expected` (default: the current one). */
export async function saveRevision(
  request: APIRequestContext,
  segmentId: string,
  document: SeedDocument,
  expected?: number,
): Promise<{ revision: number; version: number }> {
  const result = await trpcMutation<{ ok: boolean; revision?: number; problems?: unknown; draft: { version: number } }>(request, "segments.saveRevision", {
    segment_id: segmentId,
    document: contractOf(segmentId, document),
    expected_version: expected ?? (await draftVersion(request, segmentId)),
  });
  expect(result.ok, `the seeded revision is invalid: ${JSON.stringify(result.problems)}`).toBe(true);
  return { revision: result.revision ?? 0, version: result.draft.version };
}

/**
 * A new segment whose draft holds `document` (`asRevision`: saved as revision 1 too).
 * `version` is the draft's version, for the next write.
 */
export async function seedSegment(
  request: APIRequestContext,
  document: SeedDocument,
  options: { asRevision?: boolean } = {},
): Promise<{ segment_id: string; version: number }> {
  const created = await trpcMutation<SegmentDetail>(request, "segments.create", { name: document.name });
  const id = created.segment_id;
  const expected = created.draft?.version ?? 0;
  const version = options.asRevision
    ? (await saveRevision(request, id, document, expected)).version
    : await saveDraft(request, id, document, expected);
  return { segment_id: id, version };
}

export const stepNode = (page: Page, stepId: string): Locator => page.locator(`.react-flow__node[data-id="${stepId}"]`);
export const stepNodes = (page: Page): Locator => page.locator(".react-flow__node-step");
export const canvas = (page: Page): Locator => page.getByTestId("editor-canvas");
export const inspector = (page: Page): Locator => page.getByRole("complementary", { name: /^Inspector/ });
export const saveStatus = (page: Page): Locator => page.getByTestId("save-status");

/** The ids of the steps drawn on the canvas, sorted (members of a collapsed group are not drawn). */
export async function visibleStepIds(page: Page): Promise<string[]> {
  const ids = await stepNodes(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-id") ?? ""));
  return ids.sort();
}

/** How long a page load may take: the dev server compiles a page on its first visit. */
export const PAGE_LOAD = { timeout: 90_000 };

/** How long a UI state that waits for one server call may take (the dev server can be slow). */
export const SERVER_CALL = { timeout: 30_000 };

/** Opens the editor on a segment and waits until its steps are drawn. */
export async function openEditor(page: Page, segmentId: string, stepCount: number) {
  await page.goto(`/segments/${segmentId}`);
  await expect(canvas(page)).toBeVisible(PAGE_LOAD);
  await expect(stepNodes(page)).toHaveCount(stepCount);
}

/** Waits until autosave has written every change ("Draft saved"). */
export async function expectDraftSaved(page: Page) {
  await expect(saveStatus(page)).toHaveAttribute("data-status", "saved", SERVER_CALL);
  await expect(saveStatus(page)).toContainText("Draft saved");
}

/** Clicks an empty spot of the canvas: clears the selection and takes focus off text fields. */
export async function clickPane(page: Page, position = { x: 700, y: 40 }) {
  await page.locator(".react-flow__pane").click({ position });
}

/** A step's card position in flow coordinates (independent of pan and zoom), from its transform. */
export async function flowPosition(node: Locator): Promise<{ x: number; y: number }> {
  const transform = await node.evaluate((el) => (el as HTMLElement).style.transform);
  const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
  if (!match) throw new Error(`no position in transform "${transform}"`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

/** Drags with the mouse from one point to another, in small steps (React Flow needs moves). */
export async function dragMouse(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, modifier?: "Shift") {
  if (modifier) await page.keyboard.down(modifier);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  if (modifier) await page.keyboard.up(modifier);
}

export async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element not laid out");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
