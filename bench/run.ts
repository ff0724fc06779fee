// `npm run bench`: prints the figures and writes them to bench/results/<date>.json.
// Benchmarks are never part of `npm test`; docs/performance.md records the figures.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { benchCanvas } from "./canvas";
import { benchDataLayer } from "./data-layer";
import { benchEngine } from "./engine";
import { benchRunStore } from "./run-store";
import { benchRunView } from "./run-view";

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`LLMTeam bench on ${machine} (load average ${os.loadavg()[0]?.toFixed(2)})\n`);
const results = {
  machine,
  load_average_at_start: os.loadavg()[0],
  at: new Date().toISOString(),
  data_layer: await benchDataLayer(),
  engine_in_memory: await benchEngine(),
  run_store: await benchRunStore(),
  canvas: await benchCanvas(),
  run_view: await benchRunView(),
};
console.log(JSON.stringify(results, null, 2));
mkdirSync("bench/results", { recursive: true });
const file = `bench/results/${results.at.slice(0, 19).replace(/[:T]/g, "-")}.json`;
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten to ${file}`);
process.exit(0);
