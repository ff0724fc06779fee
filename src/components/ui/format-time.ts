// Pure date/duration formatting for lists ("3 minutes ago", "1m 05s").

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const shortDate = new Intl.DateTimeFormat("en", { month: "short", day: "numeric" });
const shortDateYear = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", year: "numeric" });

function toTime(value: string | number | Date): number {
  return value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value);
}

/**
 * "just now", "5 minutes ago", "yesterday", "3 days ago"; older than a month: "Mar 4"
 * (with the year when it is not the current one). Future dates read "in 5 minutes".
 */
export function formatRelativeTime(value: string | number | Date, now: number): string {
  const time = toTime(value);
  if (Number.isNaN(time)) return "—";
  const diff = time - now;
  const abs = Math.abs(diff);
  if (abs < 45 * SECOND) return "just now";
  if (abs < HOUR) return relative.format(Math.round(diff / MINUTE), "minute");
  if (abs < DAY) return relative.format(Math.round(diff / HOUR), "hour");
  if (abs < 30 * DAY) return relative.format(Math.round(diff / DAY), "day");
  const date = new Date(time);
  return new Date(now).getFullYear() === date.getFullYear() ? shortDate.format(date) : shortDateYear.format(date);
}

/** "Mar 4, 2026, 2:05 PM" in the viewer's time zone. */
export function formatAbsoluteTime(value: string | number | Date): string {
  const time = toTime(value);
  return Number.isNaN(time) ? "" : absolute.format(new Date(time));
}

/** A compact duration: "850ms", "4.2s", "3m 05s", "2h 04m", "3d 2h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < SECOND) return `${Math.round(ms)}ms`;
  if (ms < 10 * SECOND) return `${(ms / SECOND).toFixed(1)}s`;
  if (ms < MINUTE) return `${Math.round(ms / SECOND)}s`;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m ${pad(Math.floor((ms % MINUTE) / SECOND))}s`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h ${pad(Math.floor((ms % HOUR) / MINUTE))}m`;
  return `${Math.floor(ms / DAY)}d ${Math.floor((ms % DAY) / HOUR)}h`;
}
