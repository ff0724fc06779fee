// The live run view's speed in headless Chromium (issue 5), `npx tsx bench/run-view.ts` (also
// part of `npm run bench`). Not part of `npm test`.
//   open: navigation → a finished 500-step run with 10,000+ events shows its final state and a
//         click on a step selects it.
//   event → node colour: a step's `step.completed` event time (engine clock) → the moment the
//         page's card shows `data-run-status="completed"` (MutationObserver, same machine clock).
//   decision → next step: the click on Approve → the next step's card leaves "pending".
// The server is the production build on a fresh embedded database, as in bench/canvas.ts.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { io } from "socket.io-client";
import { openDatabase } from "../src/server/db/open-database";
import type { RunEvent } from "../src/shared/events";
import { APPROVAL_SEGMENT, APPROVAL_STEPS, LATENCY_SEGMENT, seedRunView } from "./run-view-seed";
import { summarize } from "./stats";
import { startProductionServer } from "./production-server";

const PORT = Number(process.env.BENCH_RUN_VIEW_PORT ?? 3191);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OPENS = 3;

/** tRPC over plain HTTP: queries are GETs with ?input=, mutations POSTs (no transformer). */
async function trpc<T>(procedure: string, input: unknown, kind: "query" | "mutation"): Promise<T> {
  const res =
    kind === "query"
      ? await fetch(`${ORIGIN}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`)
      : await fetch(`${ORIGIN}/api/trpc/${procedure}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) });
  if (!res.ok) throw new Error(`${procedure}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** Every stored event of a run, through the socket.io protocol the browser uses. */
async function eventsOf(runId: string): Promise<RunEvent[]> {
  const socket = io(ORIGIN, { path: "/socket.io", transports: ["websocket"] });
  const events: RunEvent[] = [];
  socket.on("run.event", (event: RunEvent) => events.push(event));
  await new Promise<void>((resolve, reject) => {
    socket.emit("subscribe", { run_id: runId, after_seq: 0 }, (ack: { ok: boolean }) => (ack.ok ? resolve() : reject(new Error("subscribe refused"))));
  });
  socket.close();
  return events;
}

async function waitForRun(runId: string, statuses: string[]): Promise<void> {
  let last: unknown = null;
  for (let i = 0; i < 600; i++) {
    const run = await trpc<{ status: string }>("runs.get", { run_id: runId }, "query").catch((error: unknown) => {
      last = error instanceof Error ? error.message : error;
      return null;
    });
    if (run) last = run.status;
    if (run && statuses.includes(run.status)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${runId} did not reach ${statuses.join("/")} (last seen: ${JSON.stringify(last).slice(0, 300)})`);
}

/** Records, per card, when its data-run-status attribute took each value (page clock). */
const WATCH_STATUS = `(() => {
  window.__status = {};
  const note = (el) => {
    const id = el.getAttribute('data-testid')?.replace('step-node-', '');
    const status = el.getAttribute('data-run-status');
    if (!id || !status) return;
    const seen = (window.__status[id] ??= {});
    seen[status] ??= Date.now();
  };
  document.querySelectorAll('[data-run-status]').forEach(note);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') note(r.target);
      else r.addedNodes.forEach((n) => { if (n.nodeType === 1) { if (n.hasAttribute('data-run-status')) note(n); n.querySelectorAll?.('[data-run-status]').forEach(note); } });
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-run-status'] });
  window.__clickAt = [];
  document.addEventListener('click', () => window.__clickAt.push(Date.now()), true);
})()`;

async function openBigRun(page: Page, runId: string): Promise<number> {
  await page.goto("about:blank");
  const t0 = Date.now();
  await page.goto(`${ORIGIN}/runs/${runId}`);
  const node = page.locator('[data-testid="step-node-step_0"][data-run-status="completed"]');
  await node.waitFor({ state: "visible", timeout: 30_000 });
  await node.click();
  await page.locator(".react-flow__node.selected").first().waitFor({ timeout: 30_000 });
  return Date.now() - t0;
}

async function eventToColour(page: Page): Promise<number[]> {
  const run = await trpc<{ run_id: string }>("runs.start", { segment_id: LATENCY_SEGMENT, input: {} }, "mutation");
  await page.goto(`${ORIGIN}/runs/${run.run_id}`);
  await page.locator('[data-testid="step-node-d0"][data-run-status]').waitFor({ timeout: 30_000 });
  await page.evaluate(WATCH_STATUS);
  await waitForRun(run.run_id, ["completed", "failed"]);
  await page.waitForTimeout(500);
  const seen = (await page.evaluate("window.__status")) as Record<string, Record<string, number>>;
  const events = await eventsOf(run.run_id);
  const samples: number[] = [];
  for (const event of events) {
    // d0 completed before the observer started watching only if the page was slow to open.
    if (event.type !== "step.completed" || !event.step_id || event.step_id === "d0") continue;
    const shown = seen[event.step_id]?.completed;
    if (shown !== undefined) samples.push(shown - Date.parse(event.ts));
  }
  return samples;
}

/** Whether the watched card `id` has shown a status other than "pending" (window.__status). */
const LEFT_PENDING = (id: string) => {
  const seen = (window as unknown as { __status: Record<string, Record<string, number>> }).__status[id];
  return seen !== undefined && Object.keys(seen).some((status) => status !== "pending");
};

/**
 * Click → the next step's card leaves "pending", and its two halves (page and server share a
 * clock): click → the server recorded `step.started` of that step (the request, the decision,
 * the advance), and that event → the card changed (delivery, the page's work).
 */
async function decisionToNextStep(page: Page): Promise<{ total: number[]; server: number[]; page: number[] }> {
  const run = await trpc<{ run_id: string }>("runs.start", { segment_id: APPROVAL_SEGMENT, input: { n: 1 } }, "mutation");
  await page.goto(`${ORIGIN}/runs/${run.run_id}`);
  await page.locator('[data-testid="step-node-h0"][data-run-status]').waitFor({ timeout: 30_000 });
  await page.evaluate(WATCH_STATUS);
  const samples: number[] = [];
  const clicked: { step: string; at: number; shown: number }[] = [];
  for (let i = 0; i < APPROVAL_STEPS; i++) {
    await page.locator(`[data-testid="step-node-h${i}"][data-run-status="waiting"]`).waitFor({ timeout: 30_000 });
    const approve = page.getByRole("button", { name: "Approve", exact: true });
    await approve.waitFor({ timeout: 30_000 });
    await approve.click();
    // The MutationObserver above timestamps the change; this only learns that it happened. A
    // locator's waitFor would poll the page every animation frame with layout-forcing visibility
    // checks, in the very window being measured (a user's page has no such poller).
    await page.waitForFunction(LEFT_PENDING, `t${i}`, { polling: 100, timeout: 30_000 });
    const [clicks, seen] = (await page.evaluate("[window.__clickAt, window.__status]")) as [number[], Record<string, Record<string, number>>];
    const clickAt = clicks.at(-1);
    const next = seen[`t${i}`];
    const started = next ? Math.min(...Object.entries(next).filter(([s]) => s !== "pending").map(([, at]) => at)) : undefined;
    if (clickAt !== undefined && started !== undefined) {
      samples.push(started - clickAt);
      clicked.push({ step: `t${i}`, at: clickAt, shown: started });
    }
  }
  await waitForRun(run.run_id, ["completed"]);
  const startedAt = new Map((await eventsOf(run.run_id)).filter((e) => e.type === "step.started" && e.step_id).map((e) => [e.step_id as string, Date.parse(e.ts)]));
  const halves = clicked.flatMap((c) => {
    const ts = startedAt.get(c.step);
    return ts === undefined ? [] : [{ server: ts - c.at, page: c.shown - ts }];
  });
  return { total: samples, server: halves.map((h) => h.server), page: halves.map((h) => h.page) };
}

export async function benchRunView() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "llmteam-bench-run-view-"));
  let server: ChildProcess | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const db = await openDatabase({ dataDir });
    const seeded = await seedRunView(db).finally(() => db.close());
    server = await startProductionServer(dataDir, PORT);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openBigRun(page, seeded.bigRunId); // warm-up
    const opens: number[] = [];
    for (let i = 0; i < OPENS; i++) opens.push(await openBigRun(page, seeded.bigRunId));
    const colour = [...(await eventToColour(page)), ...(await eventToColour(page))];
    // Two runs of 12 decisions: with 12 samples "p95" would be the single slowest one.
    const decisions = [await decisionToNextStep(page), await decisionToNextStep(page)];
    const decision = { total: decisions.flatMap((d) => d.total), server: decisions.flatMap((d) => d.server), page: decisions.flatMap((d) => d.page) };
    const results = {
      open_500_steps_ms: { events: seeded.events, ...summarize(opens) },
      event_to_node_colour_ms: summarize(colour),
      decision_to_next_step_ms: summarize(decision.total),
      decision_click_to_server_event_ms: summarize(decision.server),
      decision_server_event_to_card_ms: summarize(decision.page),
    };
    console.log("run view:", JSON.stringify(results));
    return results;
  } finally {
    await browser.close();
    server?.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchRunView(), null, 2));
  process.exit(0);
}
