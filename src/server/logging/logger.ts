// The server's one logger (pino): JSON lines in production, pretty-printed in development,
// level from LLMTEAM_LOG_LEVEL. Secrets never reach the output: known secret fields are
// redacted by path, and the values of known secrets (LLM API keys, LLMTEAM_SECRET, the
// metrics token) are scrubbed from every line whatever field or message they hide in.
//
//   import { getLogger, runLog } from "../logging/logger";
//   getLogger().warn({ err }, "retention failed");
//   runLog({ run_id, correlation_id, step_id }).info("step failed");
//
// One logger per process, kept on globalThis: Next.js bundles route handlers separately from
// src/server/main.ts, so a module-level instance would exist twice (see app-context.ts).
// src/engine never imports this (lint rule): the engine reports through its ports.
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import pretty from "pino-pretty";
import type { Config } from "../config/env";

export type { Logger };
export type LogLevel = Config["logLevel"];

/** Field names whose values are secrets wherever they appear (matched up to three levels deep). */
const SECRET_KEYS = [
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  "set-cookie",
  "x-api-key",
  "apiKey",
  "api_key",
  "password",
  "passwd",
  "secret",
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "metricsToken",
];

const pathOf = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`);
const join = (prefix: string, key: string) => (key.startsWith("[") ? `${prefix}${key}` : `${prefix}.${key}`);

/** pino `redact.paths`: each secret key at the top level and one to three levels below. */
export const REDACT_PATHS: string[] = SECRET_KEYS.flatMap((raw) => {
  const key = pathOf(raw);
  return [key, join("*", key), join("*.*", key), join("*.*.*", key)];
});

export const REDACTED = "[redacted]";

export type LoggerSetup = {
  level: LogLevel;
  /** Human-readable lines (development); JSON lines otherwise. */
  pretty?: boolean;
  /** Where lines go (default stdout); tests pass a capturing stream. */
  destination?: DestinationStream;
  /** File descriptor when no destination is given: 1 (stdout, the server) or 2 (stderr). */
  fd?: 1 | 2;
  /** Values that must never appear in a line (API keys, secrets): replaced by `[redacted]`. */
  secrets?: readonly (string | undefined)[];
};

function scrubber(secrets: readonly (string | undefined)[]): ((line: string) => string) | undefined {
  // Very short values would scrub ordinary words; real keys and secrets are long.
  const values = [...new Set(secrets.filter((s): s is string => typeof s === "string" && s.length >= 8))];
  if (values.length === 0) return undefined;
  // As they appear inside a JSON string, too (quotes and backslashes escaped).
  const forms = [...new Set(values.flatMap((v) => [v, JSON.stringify(v).slice(1, -1)]))].sort((a, b) => b.length - a.length);
  return (line) => {
    let out = line;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
}

export function createLogger(setup: LoggerSetup): Logger {
  const scrub = scrubber(setup.secrets ?? []);
  const options: LoggerOptions = {
    level: setup.level,
    base: { service: "llmteam", pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    ...(scrub ? { hooks: { streamWrite: scrub } } : {}),
  };
  if (setup.destination) return pino(options, setup.destination);
  // pino-pretty as a synchronous stream, not a transport: no worker thread to resolve inside
  // the Next.js bundle.
  if (setup.pretty) return pino(options, pretty({ colorize: true, translateTime: "HH:MM:ss.l", ignore: "pid,hostname,service", sync: true }));
  return pino(options, pino.destination({ fd: setup.fd ?? 1, sync: true }));
}

/** The secrets of a configuration, for `secrets`. */
export function configSecrets(config: Config): string[] {
  const keys = config.llms.map((llm) => llm.apiKey()).filter((k): k is string => typeof k === "string");
  return [...keys, ...(config.secret ? [config.secret] : []), ...(config.metricsToken ? [config.metricsToken] : [])];
}

const KEY = Symbol.for("llmteam.logger");
type Holder = { [KEY]?: Logger };

/** Sets up the process's logger from the configuration (the server and the CLI call this once). */
export function initLogger(config: Config, overrides: Partial<LoggerSetup> = {}): Logger {
  const logger = createLogger({
    level: config.logLevel,
    pretty: config.nodeEnv === "development",
    secrets: configSecrets(config),
    ...overrides,
  });
  (globalThis as Holder)[KEY] = logger;
  return logger;
}

/** Replaces the process's logger (tests capture lines with this); returns the previous one. */
export function setLogger(logger: Logger | undefined): Logger | undefined {
  const previous = (globalThis as Holder)[KEY];
  (globalThis as Holder)[KEY] = logger;
  return previous;
}

/**
 * The process's logger. Before initLogger (tests, the CLI, scripts) it writes JSON lines at
 * `warn` and above to stderr, so a command's stdout stays its own.
 */
export function getLogger(): Logger {
  const holder = globalThis as Holder;
  holder[KEY] ??= createLogger({ level: "warn", fd: 2 });
  return holder[KEY];
}

export type RunLogFields = { run_id: string; correlation_id?: string | undefined; step_id?: string | undefined; segment_id?: string | undefined };

/** A child logger whose lines carry the run's ids (run_id, correlation_id, step_id). */
export function runLog(fields: RunLogFields): Logger {
  const bindings: Record<string, string> = { run_id: fields.run_id };
  if (fields.correlation_id) bindings.correlation_id = fields.correlation_id;
  if (fields.step_id) bindings.step_id = fields.step_id;
  if (fields.segment_id) bindings.segment_id = fields.segment_id;
  return getLogger().child(bindings);
}
