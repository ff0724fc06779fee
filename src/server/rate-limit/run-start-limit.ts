// The rate limit on starting runs (rate-limiter-flexible): LLMTEAM_RATE_LIMIT_RUNS_PER_MIN starts
// per minute per credential (an API key, a session; the local owner when auth is off), and per
// segment + token for the webhook trigger. Every edge that starts runs calls one of these before
// starting: REST start/rerun, the webhook, tRPC start/rerun, MCP. Scheduled runs are not limited.
//
// The counts live in Redis when REDIS_URL is set (shared by every server process; an in-memory
// limiter stands in while Redis is unreachable, so an outage never blocks or unblocks everyone),
// in memory otherwise. One limiter per configuration, kept on globalThis: Next.js bundles route
// handlers apart from main.ts (see app-context.ts), and a module-level one would count twice.
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getAppContext } from "../app-context";
import type { Principal } from "../auth/principal";
import type { Config } from "../config/env";
import { getLogger } from "../logging/logger";
import { getMetrics } from "../metrics/registry";
import { RateLimitedError } from "../services/errors";

export type RunStartLimitOptions = { points: number; durationSeconds: number; keyPrefix: string; redisUrl?: string | undefined };

export type RunStartLimiter = {
  /** Counts one start for `key`; throws RateLimitedError (→ 429 / TOO_MANY_REQUESTS) past the limit. */
  consume(key: string): Promise<void>;
};

function unitText(n: number, unit: string) {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** A limiter over its own store; `redis` shares the counts through that client. */
export function createRunStartLimiter(options: RunStartLimitOptions & { redis?: Redis }): RunStartLimiter {
  if (options.points <= 0) return { consume: async () => {} };
  const base = { points: options.points, duration: options.durationSeconds, keyPrefix: options.keyPrefix };
  const limiter: RateLimiterAbstract = options.redis
    ? new RateLimiterRedis({
        ...base,
        storeClient: options.redis,
        rejectIfRedisNotReady: true,
        // Redis down: each process counts on its own until it is back.
        insuranceLimiter: new RateLimiterMemory(base),
      })
    : new RateLimiterMemory(base);
  const window = options.durationSeconds === 60 ? "a minute" : unitText(options.durationSeconds, "second");
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new RateLimitedError(
          seconds,
          `Too many runs started: at most ${unitText(options.points, "run")} in ${window}. Wait ${unitText(seconds, "second")} and try again.`,
        );
      }
    },
  };
}

type Shared = { limiters: WeakMap<object, RunStartLimiter>; redis: Map<string, Redis> };
const KEY = Symbol.for("llmteam.runStartLimits");

function shared(): Shared {
  const holder = globalThis as { [KEY]?: Shared };
  holder[KEY] ??= { limiters: new WeakMap(), redis: new Map() };
  return holder[KEY];
}

/**
 * The process's Redis client for rate limits at `url` (one per URL). It fails fast (no offline
 * queue) so the insurance limiter takes over while Redis is unreachable.
 */
export function rateLimitRedis(url: string): Redis {
  const clients = shared().redis;
  let client = clients.get(url);
  if (!client) {
    client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: "llmteam-rate-limit" });
    // Connection errors are retried by ioredis; the limiter falls back meanwhile.
    client.on("error", () => {});
    clients.set(url, client);
  }
  return client;
}

/** The limiter of a configuration (created once per process per configuration). */
export function runStartLimiterFor(config: Pick<Config, "runStartLimit" | "redisUrl">): RunStartLimiter {
  const { limiters } = shared();
  let limiter = limiters.get(config);
  if (!limiter) {
    const limit = config.runStartLimit;
    limiter = createRunStartLimiter({ ...limit, ...(config.redisUrl && limit.points > 0 ? { redis: rateLimitRedis(config.redisUrl) } : {}) });
    limiters.set(config, limiter);
  }
  return limiter;
}

async function consume(key: string, edge: "api" | "webhook", config: Pick<Config, "runStartLimit" | "redisUrl">): Promise<void> {
  try {
    await runStartLimiterFor(config).consume(key);
  } catch (err) {
    if (err instanceof RateLimitedError) {
      getMetrics().runStartsRateLimited.inc({ edge });
      getLogger().info({ edge, limit_key: key, retry_after_seconds: err.retryAfterSeconds }, "run start refused by the rate limit");
    }
    throw err;
  }
}

/** The key a principal's starts are counted under: its credential (API key, session), else the principal. */
export function runStartKey(principal: Principal): string {
  return principal.credential ? `${principal.credential.kind}:${principal.credential.id}` : `principal:${principal.id}`;
}

/**
 * Counts a run start by `principal` (REST, tRPC, MCP call this before starting or re-running a
 * run); throws RateLimitedError past LLMTEAM_RATE_LIMIT_RUNS_PER_MIN.
 */
export function consumeRunStart(principal: Principal, config: Config = getAppContext().config): Promise<void> {
  return consume(runStartKey(principal), "api", config);
}

/** Counts a webhook-triggered start, per segment and token (the token is hashed: never stored). */
export function consumeWebhookStart(segmentId: string, token: string, config: Config = getAppContext().config): Promise<void> {
  const tokenHash = createHash("sha256").update(token).digest("base64url").slice(0, 22);
  return consume(`hook:${segmentId}:${tokenHash}`, "webhook", config);
}

/** Closes the Redis connections (server shutdown, tests). */
export async function closeRateLimitStores(): Promise<void> {
  const { redis } = shared();
  const clients = [...redis.values()];
  redis.clear();
  await Promise.all(clients.map((client) => client.quit().catch(() => client.disconnect())));
}
