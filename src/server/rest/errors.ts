// REST errors are always `{error: {code, message, details?}}` with the right status (issue 6):
// never a stack trace, never a 500 for bad input. Services throw AppError; this maps them.
import { ZodError } from "zod";
import { AppError, RateLimitedError, type AppErrorCode } from "../services/errors";
import type { RestErrorBody, RestErrorDetail } from "./schemas/error";
import { getLogger } from "../logging/logger";

export type { RestErrorBody, RestErrorDetail };

/** Where in the request a problem is: the OpenAPI `in` of a parameter, or the body. */
export type RequestPart = "path" | "query" | "body" | "header";

/** An error a handler returns as-is: its status, code and message are meant for the client. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: readonly RestErrorDetail[],
  ) {
    super(message);
    this.name = "RestError";
  }
}

const STATUS_OF: Record<AppErrorCode, number> = {
  not_found: 404,
  conflict: 409,
  invalid_input: 422,
  invalid_segment: 422,
  invalid_data: 422,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  unavailable: 503,
};

const PART_NAMES: Record<RequestPart, string> = {
  path: "path parameters",
  query: "query string",
  body: "request body",
  header: "request headers",
};

export function zodDetails(error: ZodError, part?: RequestPart): RestErrorDetail[] {
  return error.issues.map((issue) => ({
    ...(part ? { in: part } : {}),
    path: issue.path.join("."),
    message: issue.message,
    code: issue.code,
  }));
}

/**
 * A request part that failed its schema → 422 `invalid_input`, naming the part and the first
 * problem in the message ("The query string is invalid: limit: must be at most 100") and
 * listing every problem in `details`.
 */
export function invalidInput(error: ZodError, part: RequestPart): RestError {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  const message = `The ${PART_NAMES[part]} ${part === "query" || part === "body" ? "is" : "are"} invalid: ${where}${first?.message ?? "invalid input"}`;
  return new RestError(422, "invalid_input", message, zodDetails(error, part));
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  details?: readonly RestErrorDetail[],
  headers?: Record<string, string>,
): Response {
  const body: RestErrorBody = { error: { code, message, ...(details === undefined ? {} : { details: [...details] }) } };
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** Any thrown value → the error envelope; unexpected ones are logged and answered with a generic 500. */
export function toErrorResponse(err: unknown, where: string, correlationId?: string): Response {
  if (err instanceof RestError) return errorResponse(err.status, err.code, err.message, err.details);
  if (err instanceof RateLimitedError) {
    return errorResponse(429, err.code, err.message, undefined, { "retry-after": String(err.retryAfterSeconds) });
  }
  if (err instanceof AppError) {
    return errorResponse(STATUS_OF[err.code], err.code, err.message, err.details.length ? err.details : undefined);
  }
  if (err instanceof ZodError) {
    // A schema a handler or service applied itself (the route's own parts are checked before).
    return errorResponse(422, "invalid_input", err.issues[0]?.message ?? "Invalid input", zodDetails(err));
  }
  getLogger().error({ err, route: where, ...(correlationId ? { correlation_id: correlationId } : {}) }, "REST request failed");
  return errorResponse(500, "internal", "Something went wrong on the server. It has been logged.");
}
