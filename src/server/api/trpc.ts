// tRPC building blocks. Every procedure runs with a principal resolved by
// src/server/auth (the auth seam) and service errors become tRPC errors with
// a readable message and, for validation, the list of problems.
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { getAppContext } from "../app-context";
import { resolvePrincipal, type Principal } from "../auth/principal";
import { assertSameOriginIfCookie } from "../auth/same-origin";
import { correlationIdOf } from "../observability/correlation";
import type { RunServiceContext } from "../services/context";
import { AppError, type AppErrorCode, type ErrorDetail } from "../services/errors";
import { getLogger } from "../logging/logger";

export type TrpcContext = {
  headers: Headers;
  /** X-Correlation-ID when valid, else generated: runs started by this request carry it. */
  correlationId: string;
  method: string;
  /** Headers of the answer (the auth procedures set the session cookie here). */
  resHeaders: Headers;
};

export function createTrpcContext(opts: { req: Request; resHeaders?: Headers }): TrpcContext {
  return {
    headers: opts.req.headers,
    correlationId: correlationIdOf(opts.req.headers),
    method: opts.req.method,
    resHeaders: opts.resHeaders ?? new Headers(),
  };
}

const trpcCodes: Record<AppErrorCode, TRPCError["code"]> = {
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  invalid_input: "BAD_REQUEST",
  invalid_segment: "UNPROCESSABLE_CONTENT",
  invalid_data: "UNPROCESSABLE_CONTENT",
  unauthorized: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  rate_limited: "TOO_MANY_REQUESTS",
  unavailable: "SERVICE_UNAVAILABLE",
};

function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code }));
}

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let details: ErrorDetail[] | undefined;
    let appCode: string | undefined;
    if (cause instanceof AppError) {
      details = cause.details;
      appCode = cause.code;
    } else if (cause instanceof ZodError) {
      details = zodDetails(cause);
      appCode = "invalid_input";
    }
    // Internal errors keep their message out of the response (it may hold SQL or paths).
    const message =
      error.code === "INTERNAL_SERVER_ERROR" ? "Something went wrong on the server. It has been logged." : shape.message;
    return { ...shape, message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, appCode, details } };
  },
});

export const router = t.router;

/** Maps thrown service errors; logs what is unexpected. */
const errorMapping = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: trpcCodes[cause.code], message: cause.message, cause });
    }
    if (cause instanceof ZodError) {
      const first = cause.issues[0];
      throw new TRPCError({ code: "BAD_REQUEST", message: first ? first.message : "Invalid input", cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      getLogger().error({ err: result.error.cause ?? result.error, procedure: path, correlation_id: ctx.correlationId }, "tRPC procedure failed");
    }
  }
  return result;
});

/**
 * Every procedure is "protected": it always knows who is asking (UNAUTHORIZED without a
 * credential when LLMTEAM_AUTH=on), and a mutation signed in by the cookie must come from the
 * app's own pages (FORBIDDEN otherwise).
 */
export const procedure = t.procedure.use(errorMapping).use(async ({ ctx, next }) => {
  const principal: Principal = await resolvePrincipal({ headers: ctx.headers });
  const app = getAppContext();
  assertSameOriginIfCookie({ headers: ctx.headers, method: ctx.method }, principal, app.config);
  const services: RunServiceContext = { repos: app.db.repos, principal, engine: app.runtime.engine };
  return next({ ctx: { ...ctx, principal, services, app } });
});

/**
 * No principal: the input carries its own credential (the token of a signed approval link),
 * checked by the procedure's service. Give every such procedure a rate limit.
 */
export const publicProcedure = t.procedure.use(errorMapping).use(async ({ ctx, next }) => {
  return next({ ctx: { ...ctx, app: getAppContext() } });
});
