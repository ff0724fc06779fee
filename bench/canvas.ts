// The canvas editor's speed in headless Chromium (issue 4): a 500- and a 1,000-step segment,
// `npx tsx bench/canvas.ts` (also part of `npm run bench`). Not part of `npm test`.
//   open → interactive: from navigation start until a click on a step has selected it
//   pan / zoom fps: frames the page paints while Playwright pans (Space + drag) and zooms
//   (wheel) for about 2 s each, counted with requestAnimationFrame in the page.
//   cards mounted: step cards React Flow put in the page during the open (all of them before
//   the cards had precomputed handles), and the renderer's main-thread time (CDP
//   Performance.getMetrics: task, script, layout): less sensitive to a busy machine than the
//   wall-clock figure.
//   handle geometry: the handles computed before a card is measured (lib/node-handles.ts)
//   against where Chromium lays them out, for every catalog type (the open's speed-up relies
//   on them being exact); the bench fails when one is off by more than half a pixel.
// The server is the production build (`scripts/ensure-build.mjs`) on a fresh embedded database.
// BENCH_CANVAS_SIZES=500 and BENCH_CANVAS_OPENS=5 change what is measured.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type CDPSession, type Page } from "playwright-core";
import { toFlow, type StepNode } from "../src/features/editor/lib/flow-convert";
import { openDatabase } from "../src/server/db/open-database";
import { builtinCatalog } from "../src/shared/catalog";
import { parseSegment, type SegmentInput } from "../src/shared/segment";
import { summarize } from "./stats";
import { canvasDoc } from "./workloads";
import { startProductionServer } from "./production-server";

const PORT = Number(process.env.BENCH_CANVAS_PORT ?? 3190);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SIZES = (process.env.BENCH_CANVAS_SIZES ?? "500,1000").split(",").map(Number);
const OPENS = Number(process.env.BENCH_CANVAS_OPENS ?? 3);
/** Largest allowed distance between a computed handle and where Chromium draws it, in flow px. */
const HANDLE_TOLERANCE_PX = 0.5;

/**
 * Every catalog type twice (with its default config, which may show a summary line, and with
 * none), a condition with both branches used, a port only an edge knows and an unknown type:
 * each card layout the handle estimate has to get right.
 */
export function geometryDoc(): SegmentInput {
  const types = builtinCatalog.list().map((meta) => meta.type_id);
  const steps: SegmentInput["steps"] = [];
  const at = (i: number) => ({ x: (i % 5) * 320, y: Math.floor(i / 5) * 200 });
  for (const type of types) {
    steps.push({ step_id: `${type}_bare`, type, config: {}, ui: at(steps.length) });
    steps.push({ step_id: `${type}_set`, type, config: sampleConfig(type), ui: at(steps.length) });
  }
  steps.push({ step_id: "unknown_type", type: "vector_search", config: { index: "docs" }, ui: at(steps.length) });
  const edges: SegmentInput["edges"] = steps.slice(1).map((step, i) => ({ from_step: steps[i]!.step_id, to_step: step.step_id }));
  edges.push({ from_step: "condition_set", from_port: "false", to_step: "delay_bare" });
  edges.push({ from_step: "llm_agent_set", from_port: "error", to_step: "transform_bare" });
  edges.push({ from_step: "map_bare", to_step: "condition_bare", to_port: "extra" });
  return { segment_id: "canvas-handle-geometry", name: "Canvas handle geometry", entrypoint: steps[0]!.step_id, steps, edges };
}

function sampleConfig(type: string): Record<string, unknown> {
  switch (type) {
    case "llm_agent":
      return { llm_ref: "mock", system_prompt: "Answer briefly." };
    case "condition":
      return { expression: "step_input.score > 0.5" };
    case "transform":
      return { expression: "{ \"text\": $string(step_input) }" };
    case "http_request":
      return { method: "POST", url: "https://example.com/hook" };
    case "human_approval":
      return { title: "Approve the draft" };
    case "delay":
      return { seconds: 30 };
    case "critic_loop":
      return { generator: { llm_ref: "mock" }, critic: { llm_ref: "mock" }, max_iterations: 3 };
    default:
      return { segment_id: "child" };
  }
}

async function seed(dataDir: string): Promise<void> {
  const db = await openDatabase({ dataDir });
  try {
    for (const doc of [...SIZES.map(canvasDoc), geometryDoc()]) {
      await db.repos.segments.saveRevision({ id: doc.segment_id, name: doc.name, description: null, document: { ...doc }, by: "bench" });
    }
  } finally {
    await db.close();
  }
}

type Open = { interactive_ms: number; visible_ms: number; nodes_rendered: number; cards_mounted: number; main_thread_ms: MainThread };
/** Renderer main thread during the open, ms: busy (wall time in tasks), CPU time (ThreadTime: what a busy machine inflates least), script, style + layout. */
type MainThread = { task: number; cpu: number; script: number; layout: number };

// Counts the step card elements put into the page (a card React Flow mounts, unmounts and
// mounts again is two elements). A string: tsx's transform would add helpers the page does not have.
const COUNT_MOUNTED_CARDS = `(() => {
  const seen = new WeakSet();
  window.__cardsMounted = 0;
  const count = (card) => {
    if (seen.has(card)) return;
    seen.add(card);
    window.__cardsMounted++;
  };
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(".react-flow__node-step")) count(node);
        else node.querySelectorAll(".react-flow__node-step").forEach(count);
      }
  }).observe(document, { childList: true, subtree: true });
})()`;

async function mainThread(cdp: CDPSession): Promise<MainThread> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  const ms = (name: string) => Math.round((metrics.find((m) => m.name === name)?.value ?? 0) * 1000);
  return { task: ms("TaskDuration"), cpu: ms("ThreadTime"), script: ms("ScriptDuration"), layout: ms("LayoutDuration") + ms("RecalcStyleDuration") };
}

/** ms from navigation start until a click on a step node has selected it (and until the first card showed). */
async function openToInteractive(page: Page, cdp: CDPSession, segmentId: string): Promise<Open> {
  await page.goto("about:blank");
  const before = await mainThread(cdp);
  const t0 = Date.now();
  await page.goto(`${ORIGIN}/segments/${segmentId}`);
  const node = page.locator(".react-flow__node").first();
  await node.waitFor({ state: "visible", timeout: 30_000 });
  const visible = Date.now() - t0;
  await node.click();
  await page.locator(".react-flow__node.selected").first().waitFor({ timeout: 30_000 });
  const interactive = Date.now() - t0;
  const after = await mainThread(cdp);
  const rendered = await page.locator(".react-flow__node").count();
  const mounted = Number(await page.evaluate("window.__cardsMounted"));
  return {
    interactive_ms: interactive,
    visible_ms: visible,
    nodes_rendered: rendered,
    cards_mounted: mounted,
    main_thread_ms: { task: after.task - before.task, cpu: after.cpu - before.cpu, script: after.script - before.script, layout: after.layout - before.layout },
  };
}

type MeasuredHandle = { node: string; id: string | null; type: string; x: number; y: number; width: number; height: number };

// Where Chromium put each handle of the mounted cards, in flow px relative to its node, the
// way React Flow measures it (getHandleBounds).
const MEASURE_HANDLES = `(() => {
  const viewport = document.querySelector(".react-flow__viewport");
  const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).m22;
  const out = [];
  for (const node of document.querySelectorAll(".react-flow__node-step")) {
    const box = node.getBoundingClientRect();
    for (const handle of node.querySelectorAll(".react-flow__handle")) {
      const r = handle.getBoundingClientRect();
      out.push({
        node: node.getAttribute("data-id"),
        id: handle.getAttribute("data-handleid"),
        type: handle.classList.contains("source") ? "source" : "target",
        x: (r.left - box.left) / zoom,
        y: (r.top - box.top) / zoom,
        width: handle.offsetWidth,
        height: handle.offsetHeight,
      });
    }
  }
  return out;
})()`;

type GeometryCheck = { cards: number; handles: number; max_error_px: number; off: string[] };

/** The mounted cards' handles against the ones `toFlow` computed for `doc`. */
export async function checkHandles(page: Page, doc: SegmentInput): Promise<GeometryCheck> {
  const parsed = parseSegment(doc);
  if (!parsed.ok) throw new Error(`bench segment ${doc.segment_id} is invalid: ${JSON.stringify(parsed.problems)}`);
  const expected = new Map<string, StepNode>();
  for (const node of toFlow(parsed.segment).nodes) if (node.type === "step") expected.set(node.id, node);
  const measured = (await page.evaluate(MEASURE_HANDLES)) as MeasuredHandle[];
  let maxError = 0;
  const off: string[] = [];
  for (const m of measured) {
    const handle = expected.get(m.node)?.handles?.find((h) => h.id === m.id && h.type === m.type);
    const where = `${m.node} ${m.type} "${m.id}"`;
    if (!handle) {
      off.push(`${where}: drawn, not computed`);
      continue;
    }
    const error = Math.max(Math.abs(handle.x - m.x), Math.abs(handle.y - m.y), Math.abs((handle.width ?? 1) - m.width), Math.abs((handle.height ?? 1) - m.height));
    maxError = Math.max(maxError, error);
    if (error > HANDLE_TOLERANCE_PX) off.push(`${where}: computed (${handle.x}, ${handle.y}), drawn (${m.x.toFixed(1)}, ${m.y.toFixed(1)})`);
  }
  const cards = new Set(measured.map((m) => m.node)).size;
  for (const id of new Set(measured.map((m) => m.node))) {
    const drawn = measured.filter((m) => m.node === id).length;
    const computed = expected.get(id)?.handles?.length ?? 0;
    if (drawn !== computed) off.push(`${id}: ${drawn} handles drawn, ${computed} computed`);
  }
  return { cards, handles: measured.length, max_error_px: Math.round(maxError * 100) / 100, off };
}

/** Opens the geometry segment (every card layout) and compares; throws when a handle is off. */
async function handleGeometry(page: Page): Promise<GeometryCheck> {
  const doc = geometryDoc();
  await page.goto(`${ORIGIN}/segments/${doc.segment_id}`);
  await page.locator(".react-flow__node-step").first().waitFor({ state: "visible", timeout: 30_000 });
  await page.waitForTimeout(500);
  const check = await checkHandles(page, doc);
  if (check.cards < doc.steps.length) check.off.push(`only ${check.cards} of ${doc.steps.length} cards were drawn`);
  return check;
}

/** Counts painted frames while `act` runs. */
async function fpsDuring(page: Page, act: () => Promise<void>): Promise<number> {
  // A string, not a function: tsx's transform would add helpers the page does not have.
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__counting = true;
    const tick = () => { if (!window.__counting) return; window.__frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const t0 = Date.now();
  await act();
  const elapsed = Date.now() - t0;
  const frames = Number(await page.evaluate("(window.__counting = false, window.__frames)"));
  return Math.round((frames / elapsed) * 1000 * 10) / 10;
}

async function panAndZoom(page: Page): Promise<{ pan_fps: number; zoom_fps: number }> {
  const box = await page.locator(".react-flow__pane").boundingBox();
  if (!box) throw new Error("no canvas pane");
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const pan = await fpsDuring(page, async () => {
    await page.keyboard.down("Space");
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 120; i++) {
      const angle = (i / 120) * Math.PI * 2;
      await page.mouse.move(cx + Math.cos(angle) * 200, cy + Math.sin(angle) * 120);
    }
    await page.mouse.up();
    await page.keyboard.up("Space");
  });
  const zoom = await fpsDuring(page, async () => {
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, i < 30 ? -40 : 40);
      await page.waitForTimeout(16);
    }
  });
  return { pan_fps: pan, zoom_fps: zoom };
}

export async function benchCanvas() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "llmteam-bench-canvas-"));
  let server: ChildProcess | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    await seed(dataDir);
    server = await startProductionServer(dataDir, PORT);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(COUNT_MOUNTED_CARDS);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const results: Record<string, unknown> = {};
    for (const n of SIZES) {
      const doc = canvasDoc(n);
      await openToInteractive(page, cdp, doc.segment_id); // warm-up: compiles nothing (production) but fills caches
      const opens: Open[] = [];
      for (let i = 0; i < OPENS; i++) opens.push(await openToInteractive(page, cdp, doc.segment_id));
      const cards = await checkHandles(page, doc);
      const motion = await panAndZoom(page);
      const median = (pick: (o: Open) => number) => summarize(opens.map(pick)).p50;
      results[`steps_${n}`] = {
        open_to_interactive_ms: summarize(opens.map((o) => o.interactive_ms)),
        opens_ms: opens.map((o) => o.interactive_ms),
        first_card_visible_ms_p50: median((o) => o.visible_ms),
        nodes_rendered: opens[0]?.nodes_rendered,
        cards_mounted_at_open: median((o) => o.cards_mounted),
        main_thread_ms_p50: {
          task: median((o) => o.main_thread_ms.task),
          cpu: median((o) => o.main_thread_ms.cpu),
          script: median((o) => o.main_thread_ms.script),
          layout: median((o) => o.main_thread_ms.layout),
        },
        handles_checked: cards.handles,
        ...motion,
      };
      console.log(`canvas ${n} steps:`, JSON.stringify(results[`steps_${n}`]));
      if (cards.off.length > 0) throw new Error(`handles computed for ${doc.segment_id} are off:\n${cards.off.join("\n")}`);
    }
    const geometry = await handleGeometry(page);
    results.handle_geometry = geometry;
    console.log("canvas handle geometry:", JSON.stringify(geometry));
    if (geometry.off.length > 0) throw new Error(`computed handles differ from the drawn ones:\n${geometry.off.join("\n")}`);
    return results;
  } finally {
    await browser.close();
    server?.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchCanvas(), null, 2));
  process.exit(0);
}
