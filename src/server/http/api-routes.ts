// The API main.ts answers without Next: REST v1 (the specs of rest/routes, matched by method and
// path pattern) and tRPC. The Next route files stay (the dev server, and the contract test that
// every spec has one); this is a fast path in front of them with the same handlers.
import { handleTrpc } from "../api/fetch-handler";
import { toNextHandler, type AnyRouteSpec } from "../rest/define-route";
import { restRoutes } from "../rest/routes";

type Matcher = { method: string; pattern: RegExp; names: string[]; handle: ReturnType<typeof toNextHandler> };

function compile(spec: AnyRouteSpec): Matcher {
  const names: string[] = [];
  const source = spec.path
    .split(/(\{\w+\})/)
    .map((part) => {
      const param = /^\{(\w+)\}$/.exec(part);
      if (!param) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      names.push(param[1]!);
      return "([^/]+)";
    })
    .join("");
  return { method: spec.method, pattern: new RegExp(`^${source}/?$`), names, handle: toNextHandler(spec) };
}

const matchers = restRoutes.map(compile);

/** The REST handler for this request, or null (an unknown path or method: Next answers as before). */
export function restHandlerFor(method: string, pathname: string): ((request: Request) => Promise<Response>) | null {
  for (const m of matchers) {
    if (m.method !== method) continue;
    const found = m.pattern.exec(pathname);
    if (!found) continue;
    const params: Record<string, string> = {};
    try {
      m.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1]!)));
    } catch {
      return null; // a malformed escape: let Next answer
    }
    return (request) => m.handle(request, { params: Promise.resolve(params) });
  }
  return null;
}

/** The handler main.ts serves itself for this request, or null (Next answers). */
export function apiHandlerFor(method: string, pathname: string): ((request: Request) => Promise<Response>) | null {
  if (pathname.startsWith("/api/trpc/")) return handleTrpc;
  if (pathname.startsWith("/api/v1/")) return restHandlerFor(method, pathname);
  return null;
}
