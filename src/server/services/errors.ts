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

export const notFound = (what: string) => new AppError("not_found", `${what} was not found`);

/** Prisma's unique-constraint violation, recognised without importing Prisma's runtime. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === "P2002";
}
