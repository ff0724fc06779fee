// The canvas editor's speed in headless Chromium (issue 4): a 500- and a 1,000-step segment,
// `npx tsx bench/canvas.ts` (also part of `npm run bench`). Not part of `npm test`.
//   open → interactive: from navigation start until a click on a step has selected it
//   pan / zoom fps: frames the page paints while Playwright pans (Space + drag) and zooms
//   (wheel) for about 2 s each, counted with requestAnimationFrame in the page.
// The server is the production build (`scripts/ensure-build.mjs`) on a fresh embedded database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { openDatabase } from "../src/server/db/open-database";
import { summarize } from "./stats";
import { canvasDoc } from "./workloads";

const PORT = Number(process.env.BENCH_CANVAS_PORT ?? 3190);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SIZES = [500, 1000];
const OPENS = 3;

async function seed(dataDir: string): Promise<void> {
  const db = await openDatabase({ dataDir });
  try {
    for (const n of SIZES) {
      const doc = canvasDoc(n);
      await db.repos.segments.saveRevision({ id: doc.segment_id, name: doc.name, description: null, document: { ...doc }, by: "bench" });
    }
  } finally {
    await db.close();
  }
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  const build = spawnSync(process.execPath, ["scripts/ensure-build.mjs"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("the Next.js build failed");
  const server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), HOST: "127.0.0.1", LLMTEAM_DATA_DIR: dataDir, LLMTEAM_SEED_EXAMPLES: "off", DATABASE_URL: "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${ORIGIN}/api/v1/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill("SIGKILL");
  throw new Error("the server did not become healthy in 60 s");
}

/** ms from navigation start until a click on a step node has selected it. */
async function openToInteractive(page: Page, segmentId: string): Promise<{ interactive_ms: number; nodes_rendered: number }> {
  await page.goto("about:blank");
  const t0 = Date.now();
  await page.goto(`${ORIGIN}/segments/${segmentId}`);
  const node = page.locator(".react-flow__node").first();
  await node.waitFor({ state: "visible", timeout: 30_000 });
  await node.click();
  await page.locator(".react-flow__node.selected").first().waitFor({ timeout: 30_000 });
  const interactive = Date.now() - t0;
  const rendered = await page.locator(".react-flow__node").count();
  return { interactive_ms: interactive, nodes_rendered: rendered };
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
    server = await startServer(dataDir);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const results: Record<string, unknown> = {};
    for (const n of SIZES) {
      const segmentId = canvasDoc(n).segment_id;
      await openToInteractive(page, segmentId); // warm-up: compiles nothing (production) but fills caches
      const opens = [];
      for (let i = 0; i < OPENS; i++) opens.push(await openToInteractive(page, segmentId));
      const motion = await panAndZoom(page);
      results[`steps_${n}`] = {
        open_to_interactive_ms: summarize(opens.map((o) => o.interactive_ms)),
        nodes_rendered: opens[0]?.nodes_rendered,
        ...motion,
      };
      console.log(`canvas ${n} steps:`, JSON.stringify(results[`steps_${n}`]));
    }
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
