// Redis connections for queue mode (ioredis, as BullMQ and the socket.io adapter expect).
// - "command": the producer side (BullMQ Queue, pokes, the emitter). No offline queue: while
//   Redis is down a command fails at once instead of piling up in memory, so starting a run can
//   answer 503 and the stored state (PostgreSQL) stays the truth.
// - "blocking": BullMQ Workers and subscribers. They wait for Redis to come back
//   (maxRetriesPerRequest: null, as BullMQ requires) and resume on their own.
import { Redis } from "ioredis";

export type RedisRole = "command" | "blocking";

export function redisConnection(url: string, role: RedisRole, name: string): Redis {
  const client = new Redis(url, {
    connectionName: `llmteam:${name}`,
    maxRetriesPerRequest: role === "blocking" ? null : 1,
    enableOfflineQueue: role === "blocking",
    // Keep trying forever, at most every 2 s: Redis restarts are expected, not fatal.
    retryStrategy: (times) => Math.min(times * 100, 2000),
    lazyConnect: false,
  });
  // ioredis reports every failed reconnect as an "error" event; unhandled, that would crash the
  // process. Health and the 503s read `status` instead.
  client.on("error", () => {});
  return client;
}

export class RedisConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RedisConnectionError";
  }
}

/** Resolves when the client is connected, or rejects naming the URL's host after `timeoutMs`. */
export async function waitUntilReady(client: Redis, url: string, timeoutMs = 10_000): Promise<void> {
  if (client.status === "ready") return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off("ready", onReady);
      reject(new RedisConnectionError(`Cannot reach Redis at ${describeRedis(url)} (from REDIS_URL) within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once("ready", onReady);
  });
}

/** host:port/db of a Redis URL, without credentials. */
export function describeRedis(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "6379"}${parsed.pathname.length > 1 ? parsed.pathname : ""}`;
}
