// Cron patterns and time zones, read with croner (5 fields, or 6 with seconds first; names like
// MON and JAN, L for last, # for nth weekday). Invalid input becomes a readable AppError.
import { Cron } from "croner";
import { AppError } from "../errors";

export type CronSpec = { cron: string; timezone: string };

/** The fires after `from` (exclusive), at most `count`. Throws AppError for a bad pattern or zone. */
export function nextFires(spec: CronSpec, from: Date, count: number): Date[] {
  const cron = parseCron(spec);
  return cron.nextRuns(count, from);
}

export function parseCron(spec: CronSpec): Cron {
  checkTimeZone(spec.timezone);
  let cron: Cron;
  try {
    cron = new Cron(spec.cron.trim(), { timezone: spec.timezone, paused: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^CronPattern: /, "") : "not a cron pattern";
    throw new AppError("invalid_input", `"${spec.cron}" is not a valid cron pattern: ${reason}`, [{ path: "cron", message: reason }]);
  }
  if (cron.nextRun(new Date()) === null) {
    throw new AppError("invalid_input", `"${spec.cron}" never fires`, [{ path: "cron", message: "never fires" }]);
  }
  return cron;
}

function checkTimeZone(timezone: string): void {
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
  } catch {
    throw new AppError("invalid_input", `"${timezone}" is not a time zone: use an IANA name such as "Europe/Berlin" or "UTC"`, [
      { path: "timezone", message: "unknown time zone" },
    ]);
  }
}
