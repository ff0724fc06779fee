// Correlation ids: a client may send `X-Correlation-ID` (1–128 printable ASCII characters) to
// tie its request to the run it starts, that run's events and the server's log lines; any
// other value, or none, gets a generated id. Every REST and tRPC response echoes the id used.
import { randomUUID } from "node:crypto";

export const CORRELATION_HEADER = "x-correlation-id";
export const MAX_CORRELATION_ID_LENGTH = 128;

const PRINTABLE = /^[\x20-\x7e]+$/;

/** Whether a client-sent value is usable as is. */
export function isValidCorrelationId(value: string | null | undefined): value is string {
  return typeof value === "string" && value.length <= MAX_CORRELATION_ID_LENGTH && value.trim() !== "" && PRINTABLE.test(value);
}

export const newCorrelationId = (): string => randomUUID();

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function headerValue(headers: HeaderBag): string | undefined {
  if (headers instanceof Headers) return headers.get(CORRELATION_HEADER) ?? undefined;
  const raw = headers[CORRELATION_HEADER];
  return Array.isArray(raw) ? (raw.length === 1 ? raw[0] : undefined) : raw;
}

/** The request's correlation id: the header when valid, else a new one. */
export function correlationIdOf(headers: HeaderBag): string {
  const given = headerValue(headers)?.trim();
  return isValidCorrelationId(given) ? given : newCorrelationId();
}

/**
 * The server calls this first on every request: the header then always holds a valid id (the
 * client's or a generated one), so the Next handlers behind it and the access log agree, and the
 * response carries it.
 */
export function stampCorrelationId(
  req: { headers: Record<string, string | string[] | undefined> },
  res: { setHeader(name: string, value: string): unknown },
): string {
  const id = correlationIdOf(req.headers);
  req.headers[CORRELATION_HEADER] = id;
  res.setHeader(CORRELATION_HEADER, id);
  return id;
}
