// The `llmteam` exit codes (docs/cli.md) and the error that carries one to main.
import type { RunStatus } from "../shared/resources/run-resource";

export const EXIT = {
  /** The run completed (or the command did its job). */
  ok: 0,
  /** The run failed or was cancelled (also: an unexpected error). */
  failed: 1,
  /** Usage, file or validation error: nothing was run. */
  usage: 2,
  /** The run is left waiting for a person (a human step, or paused). */
  waiting: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeForRun(status: RunStatus): ExitCode {
  switch (status) {
    case "completed":
      return EXIT.ok;
    case "waiting":
    case "paused":
      return EXIT.waiting;
    default:
      // failed, cancelled; pending/running only if a wait ended without the run settling.
      return EXIT.failed;
  }
}

/** An expected failure: its message (and detail lines) go to stderr, its code is the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** A usage mistake: the message, then the command's usage. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message, EXIT.usage);
    this.name = "UsageError";
  }
}
