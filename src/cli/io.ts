// Everything the CLI writes goes through here: stdout carries exactly the command's result,
// stderr errors (and with --events the NDJSON events). Library and engine logs (console.*) are
// dropped unless --verbose, which sends them to stderr.
import { format } from "node:util";

export function out(text: string): void {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

export function err(text: string): void {
  process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** One JSON document on stdout. */
export function outJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

/** One NDJSON line on stderr (--events). */
export function errJsonLine(value: unknown): void {
  process.stderr.write(`${JSON.stringify(value)}\n`);
}

let verboseLogs = false;

/** A log line on stderr, with --verbose only. */
export function log(text: string): void {
  if (verboseLogs) err(`[llmteam] ${text}`);
}

export function configureLogs(verbose: boolean): void {
  verboseLogs = verbose;
  const write = verbose ? (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`) : () => {};
  console.log = write;
  console.info = write;
  console.debug = write;
  console.warn = write;
  console.error = write;
}

function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    stream.write("", () => resolve());
  });
}

/**
 * Exits once stdout and stderr are flushed. Explicit, because a closed database still leaves
 * timers behind (the WASM schema engine keeps one for ~10 s) that would hold the process.
 */
export async function exitWith(code: number): Promise<never> {
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
  process.exit(code);
}
