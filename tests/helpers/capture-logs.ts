// Captures the server's log lines (pino) for a test: installs a logger writing JSON lines into
// memory, with the same redaction as the real one, and restores the previous logger after.
//
//   const logs = captureLogs({ secrets: ["sk-test-key"] });
//   ... exercise the code ...
//   expect(logs.records().some((r) => r.run_id === runId)).toBe(true);
//   logs.restore();
import { Writable } from "node:stream";
import { createLogger, setLogger, type LogLevel, type Logger } from "../../src/server/logging/logger";

export type CapturedLogs = {
  logger: Logger;
  /** Every line written, as written (JSON text). */
  lines: string[];
  /** The lines parsed. */
  records(): Record<string, unknown>[];
  restore(): void;
};

export function captureLogs(options: { level?: LogLevel; secrets?: string[] } = {}): CapturedLogs {
  const lines: string[] = [];
  let pending = "";
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pending += chunk.toString();
      let end: number;
      while ((end = pending.indexOf("\n")) >= 0) {
        lines.push(pending.slice(0, end));
        pending = pending.slice(end + 1);
      }
      done();
    },
  });
  const logger = createLogger({ level: options.level ?? "debug", destination, secrets: options.secrets ?? [] });
  const previous = setLogger(logger);
  return {
    logger,
    lines,
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    restore: () => void setLogger(previous),
  };
}
