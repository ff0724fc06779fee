// A server process without its web layer, for the crash test: bootCore() exactly as
// `npm start` runs it (database, migrations, engine runtime, recovery of unfinished runs).
//   tsx tests/crash/server-core.ts start <segment.json>   saves the segment, starts a run, prints
//                                                          {"run_id"} and keeps running it
//   tsx tests/crash/server-core.ts finish <run_id>        recovers, waits for the run to finish,
//                                                          prints the run resource and exits
import { readFileSync } from "node:fs";
import { LOCAL_OWNER } from "../../src/server/auth/principal";
import { bootCore } from "../../src/server/boot";
import { getRun } from "../../src/server/services/runs/get-run";
import { startRun } from "../../src/server/services/runs/start-run";
import { saveSegmentRevision } from "../../src/server/services/save-segment-revision";

const [command, arg] = process.argv.slice(2);
const core = await bootCore();
const ctx = { repos: core.db.repos, principal: LOCAL_OWNER, engine: core.runtime.engine };

if (command === "start" && arg) {
  const saved = await saveSegmentRevision(ctx, { document: JSON.parse(readFileSync(arg, "utf8")) });
  const run = await startRun(ctx, { segment_id: saved.segment_id, input: {} });
  process.stdout.write(`${JSON.stringify({ run_id: run.run_id })}\n`);
  setInterval(() => {}, 60_000); // runs until killed
} else if (command === "finish" && arg) {
  for (;;) {
    const run = await getRun(ctx, { run_id: arg });
    if (["completed", "failed", "cancelled"].includes(run.status)) {
      process.stdout.write(`${JSON.stringify({ resumed: core.resumed, run })}\n`);
      await core.runtime.stop();
      await core.db.close();
      process.exit(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
} else {
  process.stderr.write("usage: server-core.ts start <segment.json> | finish <run_id>\n");
  process.exit(2);
}
