// HTTP request metrics of the custom server: count and duration by method, route *pattern*
// (`/api/v1/runs/{id}`, never the raw path: ids and tokens would make the label unbounded)
// and status. Patterns come from the REST route specs, so a new route is labelled without
// touching this file.
import type { Metrics } from "./registry";

type Pattern = { regex: RegExp; label: string };

function compile(template: string): Pattern {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") && part.endsWith("}") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return { regex: new RegExp(`^${source}/?$`), label: template };
}

/** The app's pages (src/app/**\/page.tsx), as patterns. */
export const PAGE_PATTERNS = [
  "/",
  "/approvals",
  "/runs",
  "/api-docs",
  "/approve/{token}",
  "/runs/{runId}",
  "/segments/{segmentId}",
  "/segments/{segmentId}/revisions/{revision}",
];

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export type RouteLabeler = (pathname: string) => string;

/** Maps a request path to its route pattern; anything unknown shares one label per area. */
export function routeLabeler(restPaths: readonly string[]): RouteLabeler {
  const patterns = [...new Set([...restPaths, ...PAGE_PATTERNS])].map(compile);
  return (pathname) => {
    if (pathname === "/metrics") return "/metrics";
    if (pathname.startsWith("/api/trpc/") || pathname === "/api/trpc") return "/api/trpc/{procedure}";
    if (pathname.startsWith("/_next/")) return "/_next/*";
    if (pathname.startsWith("/socket.io/")) return "/socket.io/*";
    for (const pattern of patterns) if (pattern.regex.test(pathname)) return pattern.label;
    if (pathname.startsWith("/api/")) return "/api/*";
    return "other";
  };
}

export const statusClass = (status: number) => `${Math.min(5, Math.max(1, Math.floor(status / 100)))}xx`;

/** Observes one finished request. */
export function observeHttpRequest(
  metrics: Metrics,
  request: { method: string; route: string; status: number; durationSeconds: number },
): void {
  const method = KNOWN_METHODS.has(request.method) ? request.method : "OTHER";
  const status_class = statusClass(request.status);
  metrics.httpRequests.inc({ method, route: request.route, status_code: String(request.status), status_class });
  metrics.httpDuration.observe({ method, route: request.route, status_class }, request.durationSeconds);
}
