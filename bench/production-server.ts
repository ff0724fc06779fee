// The production build served on its own port over a given embedded data dir, for the browser
// benchmarks (bench/canvas.ts, bench/run-view.ts): built first when needed, healthy before use.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";

/**
 * `env` adds or overrides variables; by default access control is off (the benchmarks measure
 * the canvas, not sign-in). With LLMTEAM_AUTH=on pass LLMTEAM_SECRET too (production needs it).
 */
export async function startProductionServer(dataDir: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const build = spawnSync(process.execPath, ["scripts/ensure-build.mjs"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("the Next.js build failed");
  const server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", LLMTEAM_DATA_DIR: dataDir, LLMTEAM_SEED_EXAMPLES: "off", DATABASE_URL: "", LLMTEAM_AUTH: "off", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill("SIGKILL");
  throw new Error("the server did not become healthy in 60 s");
}
