// CSRF defence for cookie-authenticated requests: an unsafe request (POST, PUT, PATCH, DELETE)
// signed in with the session cookie must come from the app's own pages. The browser says where
// a request comes from in `Origin` (falling back to `Sec-Fetch-Site`, then `Referer`); it must
// be the host the request was sent to or LLMTEAM_PUBLIC_URL. API-key requests are exempt (a
// browser never adds a Bearer header by itself). SameSite=Lax already keeps the cookie off most
// cross-site requests; this also covers same-site sibling hosts and older browsers.
import type { Config } from "../config/env";
import { AppError } from "../services/errors";
import { headerValue } from "./session-cookie";
import type { Principal, RequestCredentials } from "./principal";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_ORIGIN_REFUSED =
  "Refused: this request is signed in with the browser session but does not come from this app's pages (cross-site request). " +
  "Programs should send an API key (Authorization: Bearer <key>) instead of the cookie.";

function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the request says it comes from this app (its Host or the public URL). */
export function isSameOrigin(request: RequestCredentials & { url?: string }, config: Pick<Config, "publicUrl">): boolean {
  const allowed = new Set<string>();
  // The Host header the client sent; a fetch Request built in-process has only its URL.
  const host = headerValue(request.headers, "host") ?? (request.url ? originOf(request.url) : undefined);
  if (host) allowed.add(host.toLowerCase());
  const publicHost = originOf(config.publicUrl);
  if (publicHost) allowed.add(publicHost);

  const origin = headerValue(request.headers, "origin");
  if (origin !== undefined) {
    const from = origin === "null" ? undefined : originOf(origin);
    return from !== undefined && allowed.has(from);
  }
  const site = headerValue(request.headers, "sec-fetch-site");
  if (site !== undefined) return site === "same-origin";
  const referer = headerValue(request.headers, "referer");
  if (referer !== undefined) {
    const from = originOf(referer);
    return from !== undefined && allowed.has(from);
  }
  return false;
}

/**
 * Throws AppError("forbidden") (403) when `principal` was signed in by the cookie and the unsafe
 * `method` comes from another site. `principal` undefined = a public sign-in form (login CSRF).
 */
export function assertSameOriginIfCookie(
  request: RequestCredentials & { method: string; url?: string },
  principal: Principal | undefined,
  config: Pick<Config, "publicUrl" | "auth">,
): void {
  if (config.auth === "off" || SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (principal && principal.credential?.kind !== "session") return;
  if (!isSameOrigin(request, config)) throw new AppError("forbidden", CROSS_ORIGIN_REFUSED);
}
