// Client payloads are untrusted: each is parsed against the shared protocol schema and a bad one
// is answered with every problem found, never a stack trace.
import type { z } from "zod";
import type { SocketError } from "../../shared/events/socket-protocol";

export type Parsed<T> = { ok: true; data: T } | { ok: false; error: SocketError };

export function parseRequest<S extends z.ZodType>(schema: S, payload: unknown, expected: string): Parsed<z.output<S>> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, data: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join(".") : "payload";
    return `${where}: ${issue.message}`;
  });
  return { ok: false, error: { code: "invalid_request", message: `Expected ${expected}; ${problems.join("; ")}.` } };
}

/**
 * socket.io hands over the arguments as sent; the ack, when the client asked for one, is the
 * last. A client that sends no payload (`emit("subscribe", ack)`) gets its ack too.
 */
export function splitArgs<A>(args: unknown[]): { payload: unknown; reply: (ack: A) => void } {
  const last = args.at(-1);
  if (typeof last !== "function") return { payload: args[0], reply: () => {} };
  return { payload: args.length > 1 ? args[0] : undefined, reply: (ack: A) => (last as (ack: A) => void)(ack) };
}
