// Scale suite: the server as deployed, measured from outside over REST and socket.io, in four
// modes (bench/scale/modes.ts): embedded PGlite inline, PostgreSQL inline, queue mode with 1
// and with 2 workers. `npm run bench -- scale` runs it alone; `npm run bench` includes it.
//
// Per mode, on a fresh database (the production build, LLMTEAM_AUTH=off, no rate limit):
//   (a) overhead.ts       engine cost per no-op step (`delay` 0 s): a 1,000-step chain
//                         (ms per step = run time / 1,000) and a 100-way fan-out/fan-in (run
//                         time), from the REST start to `segment.completed` on the socket
//   (b) load.ts           COMPLETED runs/s: up to 2,000 two-step runs started by 32 concurrent
//                         HTTP clients (no waiting between starts; starting stops after 15 s),
//                         N / (first start → all N finished, seen by polling the run list),
//                         every run checked completed
//   (c) event-latency.ts  step.completed → socket.io client: receive time − the event's `ts`
//                         (one machine, one clock), p50/p95/p99 over ~300 events, under a light
//                         background load (a 2-step run every 200 ms)
//   (d) decision.ts       POST the approval decision → the next step's `step.started` on the
//                         socket, 30 decisions one at a time
//   (e) memory.ts         VmRSS of the web process (and of each worker) before and after 10,000
//                         two-step runs (starting stops after 60 s: the run count is reported),
//                         each read after a 5 s settle and a full GC (gc-on-signal.cjs)
// Targets (report.ts) are printed beside the figures. Results go to bench/results/<date>.json
// under `scale`. Every process is stopped and every database dropped, also when a measurement
// fails; on Ctrl-C the processes are killed and the database waits for the next run to drop it.
// Queue mode uses its own Redis index and key/channel prefix (LLMTEAM_QUEUE_PREFIX).
//
// Knobs: BENCH_SCALE_MODES=embedded,postgres,queue-1,queue-2 (which modes),
// BENCH_SCALE_RUNS (2000) and BENCH_SCALE_RUNS_MAX_S (15; 0 = no limit) for (b),
// BENCH_SCALE_RSS_RUNS (10000) and BENCH_SCALE_RSS_MAX_S (60; 0 = no limit) for (e),
// BENCH_SCALE_CHAIN_ROUNDS (2),
// BENCH_SCALE_FAN_ROUNDS (5), BENCH_SCALE_LATENCY_RUNS (6), BENCH_SCALE_DECISIONS (30),
// BENCH_SCALE_WORKER_CONCURRENCY (16), BENCH_SCALE_PG (postgres://postgres@127.0.0.1:5432),
// BENCH_SCALE_REDIS (redis://127.0.0.1:6379/7: an index the benchmark may FLUSHDB),
// BENCH_SCALE_LOG_LEVEL (warn), BENCH_SCALE_NODE_ARGS (extra node flags for the servers,
// e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { spawnSync } from "node:child_process";
import { CLIENTS, measureMode, THROUGHPUT_RUNS, THROUGHPUT_WINDOW_S } from "./measure-mode";
import { MEMORY_RUNS } from "./memory";
import { MODES, ModeSkipped, type ModeName } from "./modes";
import { checks, printTable, TARGETS, type ModeOutcome } from "./report";
import { postgresFacts } from "./resources";

function selectedModes() {
  const wanted = process.env.BENCH_SCALE_MODES?.split(",").map((s) => s.trim()).filter(Boolean);
  if (!wanted) return MODES;
  const unknown = wanted.filter((w) => !MODES.some((m) => m.name === w));
  if (unknown.length) throw new Error(`BENCH_SCALE_MODES: unknown mode(s) ${unknown.join(", ")} (known: ${MODES.map((m) => m.name).join(", ")})`);
  return MODES.filter((m) => wanted.includes(m.name));
}

export async function benchScale() {
  const modes = selectedModes();
  const build = spawnSync(process.execPath, ["scripts/ensure-build.mjs"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("the Next.js build failed");
  const outcomes: Partial<Record<ModeName, ModeOutcome>> = {};
  const checked: Partial<Record<ModeName, Record<string, boolean>>> = {};
  for (const mode of modes) {
    try {
      const result = await measureMode(mode);
      outcomes[mode.name] = result;
      checked[mode.name] = checks(result, mode.name);
    } catch (err) {
      if (err instanceof ModeSkipped) {
        console.log(`scale ${mode.name}: skipped, ${err.message}`);
        outcomes[mode.name] = { skipped: err.message };
      } else {
        const message = err instanceof Error ? err.message : String(err);
        console.error(`scale ${mode.name}: FAILED: ${message}`);
        outcomes[mode.name] = { error: message };
      }
    }
  }
  printTable(outcomes);
  return {
    settings: { clients: CLIENTS, throughput_runs: THROUGHPUT_RUNS, throughput_window_s: THROUGHPUT_WINDOW_S, memory_runs: MEMORY_RUNS, noop_step: "delay, seconds: 0" },
    postgres: await postgresFacts(),
    targets: TARGETS,
    checks: checked,
    modes: outcomes,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchScale(), null, 2));
  process.exit(0);
}
