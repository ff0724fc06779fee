// Per-client rate limit of the public approval-link procedures: the token is the only
// credential there, so guessing and hammering are throttled per IP (in memory: one process
// serves the link page; a restart forgets the counts, which is harmless).
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "../services/errors";

export { RateLimitedError };

/** Set by the server on every request (src/server/main.ts), overwriting whatever a client sent. */
export const CLIENT_IP_HEADER = "x-llmteam-client-ip";

export const LINK_RATE_LIMIT = { points: 30, durationSeconds: 60 } as const;

const linkLimitMessage = (seconds: number) =>
  `Too many requests for approval links from your network. Wait ${seconds} second${seconds === 1 ? "" : "s"} and try again.`;

export type LinkRateLimiter = { consume(clientKey: string): Promise<void> };

export function createLinkRateLimiter(options: { points: number; durationSeconds: number } = LINK_RATE_LIMIT): LinkRateLimiter {
  const limiter = new RateLimiterMemory({ points: options.points, duration: options.durationSeconds });
  return {
    async consume(clientKey) {
      try {
        await limiter.consume(clientKey);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
          throw new RateLimitedError(seconds, linkLimitMessage(seconds));
        }
        throw rejection;
      }
    },
  };
}

const LOCAL_OR_PRIVATE = /^(?:127\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|::1$|f[cd][0-9a-f]{2}:|fe80:)/i;

/**
 * Who is asking, for the rate limit: the peer address the server stamped. When that peer is a
 * local or private address and the request carries X-Forwarded-For, the peer is a reverse
 * proxy: the right-most entry is the address that proxy saw (entries further left are
 * whatever the client claimed, so they are not trusted).
 */
export function clientKeyOf(headers: Headers): string {
  const peer = (headers.get(CLIENT_IP_HEADER) ?? "").replace(/^::ffff:/, "");
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded && (peer === "" || LOCAL_OR_PRIVATE.test(peer))) {
    const last = forwarded.split(",").map((part) => part.trim()).filter(Boolean).pop();
    if (last) return last.replace(/^::ffff:/, "");
  }
  return peer || "unknown";
}

/** The server's request handler calls this first: the header is ours, never the client's. */
export function stampClientIp(req: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string | undefined } }): void {
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "";
}
