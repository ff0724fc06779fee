// The processes a scale mode runs: the web server (src/server/main.ts) and, in queue mode, the
// workers (src/server/worker.ts), each `node --import tsx` so the pid is the server itself (its
// RSS is what /proc/<pid>/status shows). Every child is registered: stopped with SIGTERM (then
// SIGKILL) by its mode, and killed on any exit of the benchmark, so none is left behind.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const running = new Set<ChildProcess>();

function killAll(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

process.once("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** The last lines a process wrote (stdout and stderr), and how many log lines were warnings or errors. */
export class LogTail {
  readonly lines: string[] = [];
  warnings = 0;
  errors = 0;
  readonly firstErrors: string[] = [];

  constructor(private readonly keep = 60) {}

  push(line: string): void {
    if (!line.trim()) return;
    this.lines.push(line);
    if (this.lines.length > this.keep) this.lines.shift();
    // pino JSON lines: 40 warn, 50 error, 60 fatal. Other lines (startup banner, Node's own
    // messages, a crash's stack): counted by their words.
    const json = line.startsWith("{");
    const level = json ? Number(/"level":(\d+)/.exec(line)?.[1] ?? 0) : 0;
    if (json ? level === 40 : /warning/i.test(line)) this.warnings++;
    if (json ? level >= 50 : /error|unhandled|exception/i.test(line)) {
      this.errors++;
      if (this.firstErrors.length < 5) this.firstErrors.push(line.slice(0, 600));
    }
  }

  text(): string {
    return this.lines.map((l) => `    ${l.slice(0, 400)}`).join("\n");
  }
}

export type Proc = { name: string; child: ChildProcess; log: LogTail; exited: Promise<number | null> };

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** Starts `node --import tsx <entry>` with exactly the given variables over the inherited ones. */
export function startProcess(name: string, entry: string, env: Record<string, string>): Proc {
  // e.g. BENCH_SCALE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the servers.
  const nodeArgs = process.env.BENCH_SCALE_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  // SIGUSR2 → a full GC (gc-on-signal.cjs), for the memory phase's readings.
  const gcOnSignal = ["--expose-gc", "--require", fileURLToPath(new URL("./gc-on-signal.cjs", import.meta.url))];
  const child = spawn(process.execPath, [...gcOnSignal, ...nodeArgs, "--import", "tsx", entry], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const log = new LogTail();
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop() ?? "";
      for (const line of parts) log.push(line);
    });
  }
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { name, child, log, exited };
}

/** Resolves when `url` answers 200; fails when the process exits first or after `timeoutMs`. */
export async function waitHealthy(proc: Proc, url: string, timeoutMs = 90_000): Promise<void> {
  let gone = false;
  void proc.exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${proc.name} exited (code ${proc.child.exitCode}) before it was healthy:\n${proc.log.text()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${proc.name} was not healthy at ${url} after ${timeoutMs / 1000} s:\n${proc.log.text()}`);
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopProcess(proc: Proc, graceMs = 15_000): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill("SIGTERM");
  const timer = setTimeout(() => proc.child.kill("SIGKILL"), graceMs);
  await proc.exited;
  clearTimeout(timer);
}

/** Asks the process for a full garbage collection (gc-on-signal.cjs) and gives it time to finish. */
export async function collectGarbage(proc: Proc): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill("SIGUSR2");
  await new Promise((resolve) => setTimeout(resolve, 2_000));
}

/** Resident memory of a live process in MB (VmRSS of /proc/<pid>/status). */
export function rssMb(proc: Proc): number {
  const status = readFileSync(`/proc/${proc.child.pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for ${proc.name} (pid ${proc.child.pid})`);
  return Math.round((kb / 1024) * 10) / 10;
}
