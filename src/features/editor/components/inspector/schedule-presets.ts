/** Common schedules offered next to the cron field (croner syntax: minute hour day month weekday). */
export const CRON_PRESETS: readonly { label: string; cron: string }[] = [
  { label: "Every 15 minutes", cron: "*/15 * * * *" },
  { label: "Every hour", cron: "0 * * * *" },
  { label: "Every day at 09:00", cron: "0 9 * * *" },
  { label: "Weekdays at 09:00", cron: "0 9 * * MON-FRI" },
  { label: "Mondays at 08:00", cron: "0 8 * * MON" },
  { label: "First of the month at 06:00", cron: "0 6 1 * *" },
];

/** The browser's zone first, then UTC, then every zone the browser knows. */
export function timeZoneChoices(): string[] {
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([local, "UTC", ...all])];
}

/** A pattern with a seconds field (6 or 7 fields) fires within a minute: show seconds then. */
export function hasSeconds(cron: string): boolean {
  return cron.trim().split(/\s+/).length >= 6;
}

/** A fire time as the schedule's zone reads it: "Mon 6 Dec, 09:00" (or "09:00:30"). */
export function formatFire(iso: string, timeZone: string, seconds = false): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}),
  }).format(new Date(iso));
}
