// `npm run bench`: prints the figures and writes them to bench/results/<date>.json.
// `npm run bench -- scale run-view`: only the suites named (names below; `_` works as `-`).
// Benchmarks are never part of `npm test`; docs/performance.md records the figures.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";

/** Result key → how to run it; loaded only when asked for. */
const SUITES = {
  data_layer: async () => (await import("./data-layer")).benchDataLayer(),
  engine_in_memory: async () => (await import("./engine")).benchEngine(),
  run_store: async () => (await import("./run-store")).benchRunStore(),
  canvas: async () => (await import("./canvas")).benchCanvas(),
  run_view: async () => (await import("./run-view")).benchRunView(),
  scale: async () => (await import("./scale")).benchScale(),
};
type SuiteKey = keyof typeof SUITES;
/** Command-line names besides the result keys themselves. */
const ALIASES: Record<string, SuiteKey> = { engine: "engine_in_memory" };

function chosenSuites(args: string[]): SuiteKey[] {
  if (args.length === 0) return Object.keys(SUITES) as SuiteKey[];
  return args.map((arg) => {
    const key = arg.replace(/-/g, "_");
    const suite = ALIASES[key] ?? (key in SUITES ? (key as SuiteKey) : undefined);
    if (!suite) {
      const known = Object.keys(SUITES).map((k) => k.replace(/_/g, "-"));
      console.error(`Unknown benchmark suite "${arg}". Known: ${known.join(", ")} (or engine).`);
      process.exit(2);
    }
    return suite;
  });
}

const suites = chosenSuites(process.argv.slice(2));
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`LLMTeam bench on ${machine} (load average ${os.loadavg()[0]?.toFixed(2)})\n`);
const results: Record<string, unknown> = {
  machine,
  load_average_at_start: os.loadavg()[0],
  at: new Date().toISOString(),
};
for (const suite of suites) results[suite] = await SUITES[suite]();
console.log(JSON.stringify(results, null, 2));
mkdirSync("bench/results", { recursive: true });
const file = `bench/results/${String(results.at).slice(0, 19).replace(/[:T]/g, "-")}.json`;
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten to ${file}`);
process.exit(0);
