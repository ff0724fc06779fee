// Errors are values at the edges: services throw AppError with a stable code;
// tRPC and REST map the code to their status without leaking internals.
export type AppErrorCode =
  | "not_found"
  | "conflict"
  | "invalid_input"
  | "invalid_segment"
  /** Well-formed request whose data does not match a schema (run input, approval form). */
  | "invalid_data"
  | "unauthorized"
  | "forbidden"
  /** Too many requests of one kind from one credential (run starts); retry after `retryAfterSeconds`. */
  | "rate_limited"
  | "unavailable";

export type ErrorDetail = {
  path?: string;
  message: string;
  code?: string;
  step_id?: string;
  /** A `conflict` on a versioned write (a draft): the version stored now, when and by whom. */
  current_version?: number;
  updated_at?: string;
  updated_by?: string;
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** A rate limit refused the request: REST answers 429 with `Retry-After`, tRPC TOO_MANY_REQUESTS. */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many requests: wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"} and try again.`,
  ) {
    super("rate_limited", message);
    this.name = "RateLimitedError";
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found`);

/** Prisma's unique-constraint violation, recognised without importing Prisma's runtime. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === "P2002";
}
