// Any /api/v1 path no route serves: the API's JSON error envelope (404 not_found, naming the
// method and path and where the list of routes is) instead of Next's HTML not-found page, which
// a program cannot read.
import { RestError, toErrorResponse } from "./errors";

export function unknownRouteHandler(request: Request): Response {
  const { pathname } = new URL(request.url);
  return toErrorResponse(
    new RestError(404, "not_found", `No API route ${request.method} ${pathname}: the routes are listed in /api/v1/openapi.json (browsable at /api-docs)`),
    `${request.method} ${pathname}`,
  );
}
