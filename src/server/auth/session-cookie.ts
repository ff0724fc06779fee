// The session cookie: httpOnly, SameSite=Lax, Path=/, Secure when the public URL is https.
import type { Config } from "../config/env";

export const SESSION_COOKIE = "llmteam_session";
const DAY_MS = 24 * 60 * 60 * 1000;
/** Sliding expiry: a session unused for this long ends; each use (at most hourly) extends it. */
export const SESSION_TTL_MS = 14 * DAY_MS;
/** However often it is used, a session ends this long after sign-in (the cookie's Max-Age). */
export const SESSION_MAX_LIFETIME_MS = 90 * DAY_MS;
/** How stale `last_seen_at` may get before a request extends the session (one write per hour at most). */
export const SESSION_TOUCH_MS = 60 * 60 * 1000;

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(name.toLowerCase() === "cookie" ? "; " : ", ") : value;
}

export function readCookie(headers: HeaderSource, name: string): string | undefined {
  const header = headerValue(headers, "cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

export function sessionTokenOf(headers: HeaderSource): string | undefined {
  return readCookie(headers, SESSION_COOKIE) || undefined;
}

function secureFlag(config: Config): string {
  return config.publicUrl.startsWith("https:") ? "; Secure" : "";
}

/** The cookie lives as long as the session may (its absolute limit); the server ends it sooner when idle. */
export function sessionCookie(token: string, config: Config): string {
  const maxAge = Math.floor(SESSION_MAX_LIFETIME_MS / 1000);
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secureFlag(config)}`;
}

export function clearedSessionCookie(config: Config): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secureFlag(config)}`;
}
