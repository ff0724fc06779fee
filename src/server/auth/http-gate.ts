// What the custom server does to every HTTP request before Next.js sees it: security headers on
// every answer, and with LLMTEAM_AUTH=on the page gate (pages need a signed-in session; the
// first visit without an owner goes to the setup page). APIs are not gated here: REST routes,
// tRPC and socket.io answer 401 themselves through resolvePrincipal, with their own envelopes.
//
// Why here and not in Next's proxy.ts: the sessions live in the database the custom server
// opened, and main.ts is the one place that sees every request (pages, assets, sockets).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppContext } from "../app-context";
import { resolvePrincipal } from "./principal";

/** Pages reachable without signing in. `/approve/…` carries its own signed token. */
const PUBLIC_PAGES = ["/sign-in", "/setup", "/approve/"];
/** Never gated: Next's assets, APIs (they answer 401 themselves), socket.io, files in public/. */
const UNGATED_PREFIXES = ["/_next/", "/api/", "/socket.io/", "/__nextjs"];

/**
 * Next's inline bootstrap scripts need 'unsafe-inline' unless every page renders dynamically
 * with a nonce (Next 16 CSP guide, "without nonces"). 'unsafe-eval': the forms generated from
 * JSON Schemas (run input, step config, approval forms: RJSF's ajv validator) compile each
 * schema with `new Function` in the browser; dropping it needs a non-compiling validator there.
 * socket.io needs ws:/wss:; React Flow and CodeMirror set inline styles.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader("Content-Security-Policy", contentSecurityPolicy());
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
}

function isGatedPage(pathname: string): boolean {
  if (UNGATED_PREFIXES.some((p) => pathname.startsWith(p))) return false;
  // Files served from public/ and app icons (`/logo.svg`, `/icon.svg`, `/favicon.ico`).
  if (/\/[^/]+\.[a-z0-9]+$/i.test(pathname)) return false;
  return true;
}

function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 303;
  res.setHeader("Location", location);
  res.setHeader("Cache-Control", "no-store");
  res.end();
}

/** A return-to path that stays on this site (`/runs?x=1`), never `//evil.example` or a URL. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}

/** True when the request was answered here (a redirect); false lets Next handle it. */
export async function gatePage(req: IncomingMessage, res: ServerResponse, app: AppContext): Promise<boolean> {
  if (app.config.auth !== "on") return false;
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = new URL(req.url ?? "/", "http://localhost");
  const pathname = url.pathname;
  if (!isGatedPage(pathname)) return false;

  const isSignIn = pathname === "/sign-in";
  const isSetup = pathname === "/setup";
  if (!isSignIn && !isSetup && PUBLIC_PAGES.some((p) => pathname.startsWith(p))) return false;

  const ownerExists = (await app.db.repos.users.findOwner()) !== null;
  if (!ownerExists) {
    if (isSetup) return false;
    redirect(res, "/setup");
    return true;
  }
  if (isSetup) {
    redirect(res, "/sign-in");
    return true;
  }
  // Only the browser session counts for pages (a Bearer header is for the API).
  const signedIn = await resolvePrincipal({ headers: { cookie: req.headers.cookie } }).then(
    () => true,
    () => false,
  );
  if (isSignIn) {
    if (!signedIn) return false;
    redirect(res, safeReturnTo(url.searchParams.get("next")));
    return true;
  }
  if (signedIn) return false;
  const back = `${pathname}${url.search}`;
  redirect(res, back === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(back)}`);
  return true;
}
