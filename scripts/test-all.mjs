// `npm test`: every check the project has, in order, stopping at the first
// failure. Stages: prisma client (if missing) → lint → typecheck → vitest (unit
// + integration, PGlite and the PostgreSQL at TEST_DATABASE_URL) → Chromium →
// Next build (reused when unchanged) → Playwright e2e. Ends with a summary of
// each stage's duration. Environment passes through (CI included).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test",
};

/** @type {{ name: string, cmd: string, args: string[], skip?: () => string | undefined }[]} */
const stages = [
  {
    name: "prisma-generate",
    cmd: "node",
    args: ["scripts/prisma-generate.mjs"],
    skip: () => (existsSync(path.join(root, "src/server/db/generated/client.ts")) ? "client already generated" : undefined),
  },
  { name: "lint", cmd: "npx", args: ["eslint", "."] },
  { name: "typecheck", cmd: "npx", args: ["tsc", "--noEmit"] },
  { name: "vitest", cmd: "npx", args: ["vitest", "run"] },
  { name: "ensure-chromium", cmd: "node", args: ["scripts/ensure-chromium.mjs"] },
  { name: "ensure-build", cmd: "node", args: ["scripts/ensure-build.mjs"] },
  { name: "playwright", cmd: "npx", args: ["playwright", "test"] },
];

const results = [];
const fmt = (ms) => `${(ms / 1000).toFixed(1)}s`;

function summary() {
  console.log("\n== test-all summary ==");
  for (const r of results) console.log(`  ${r.status.padEnd(7)} ${r.name.padEnd(16)} ${r.status === "skipped" ? r.note : fmt(r.ms)}`);
  const total = results.reduce((sum, r) => sum + (r.ms ?? 0), 0);
  console.log(`  total   ${fmt(total)}`);
}

for (const stage of stages) {
  const skipped = stage.skip?.();
  if (skipped) {
    console.log(`\n== ${stage.name}: skipped (${skipped}) ==`);
    results.push({ name: stage.name, status: "skipped", note: skipped, ms: 0 });
    continue;
  }
  const line = [stage.cmd, ...stage.args].join(" ");
  console.log(`\n== ${stage.name}: ${line} ==`);
  const started = Date.now();
  const result = spawnSync(stage.cmd, stage.args, { cwd: root, stdio: "inherit", env });
  const ms = Date.now() - started;
  if (result.status !== 0) {
    results.push({ name: stage.name, status: "FAILED", ms });
    const why = result.error ? result.error.message : result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`;
    summary();
    console.error(`\ntest-all: FAILED at stage "${stage.name}" (${line}): ${why}`);
    process.exit(result.status || 1);
  }
  results.push({ name: stage.name, status: "ok", ms });
}

summary();
console.log("\ntest-all: all stages passed");
