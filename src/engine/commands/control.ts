/**
 * cancel, pause, resume: recorded as a request on the run and applied by its advancer (right
 * away when idle; otherwise at its next commit or heartbeat, or at once when it runs in this
 * process). They carry down to child runs. A cancel request is never replaced by pause/resume.
 */
import { EngineError } from "../errors";
import type { RunControl, RunRecord } from "../model";
import { TERMINAL_RUN } from "../runner/run-memory";
import { iso, type Runtime } from "../runner/runtime";

async function activeRun(runtime: Runtime, runId: string): Promise<RunRecord> {
  const run = await runtime.store.getRun(runId);
  if (!run) throw new EngineError("run_not_found", `run ${runId} not found`);
  if (TERMINAL_RUN.has(run.status)) throw new EngineError("run_finished", `run ${runId} is already ${run.status}`);
  if (run.control === "cancel") throw new EngineError("run_cancelled", `run ${runId} is being cancelled`);
  return run;
}

async function request(runtime: Runtime, run: RunRecord, control: RunControl): Promise<void> {
  const ok = await runtime.store.requestControl(run.run_id, control, iso(runtime.clock.now()));
  if (!ok) throw new EngineError("run_finished", `run ${run.run_id} is already finished`);
  runtime.wake(run.run_id);
}

export async function cancelRun(runtime: Runtime, runId: string): Promise<void> {
  const run = await runtime.store.getRun(runId);
  if (!run) throw new EngineError("run_not_found", `run ${runId} not found`);
  if (TERMINAL_RUN.has(run.status)) throw new EngineError("run_finished", `run ${runId} is already ${run.status}`);
  await request(runtime, run, "cancel");
}

/** In-flight steps finish, nothing new starts; then the run is `paused`. Pausing a paused run does nothing. */
export async function pauseRun(runtime: Runtime, runId: string): Promise<void> {
  const run = await activeRun(runtime, runId);
  if (run.status === "paused" && run.control === null) return;
  await request(runtime, run, "pause");
}

/** Continues a paused run (same run_id; completed steps never run again). */
export async function resumeRun(runtime: Runtime, runId: string): Promise<void> {
  const run = await activeRun(runtime, runId);
  if (run.status !== "paused" && run.control !== "pause") throw new EngineError("run_not_paused", `run ${runId} is ${run.status}, not paused`);
  await request(runtime, run, "resume");
}
