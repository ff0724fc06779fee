// Rate limits on run starts: past the limit REST answers 429 `rate_limited` with Retry-After
// and the error envelope, tRPC TOO_MANY_REQUESTS with a readable message; the webhook counts
// per segment + token; after the window starts are allowed again. In memory, and in Redis
// (shared between processes). Tiny windows and limits instead of waiting a minute.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/server/config/env";
import { closeRateLimitStores, createRunStartLimiter, rateLimitRedis } from "../../src/server/rate-limit/run-start-limit";
import { RateLimitedError } from "../../src/server/services/errors";
import { setSegmentWebhookToken } from "../../src/server/services/webhooks/segment-webhook";
import type { SegmentInput } from "../../src/shared/segment";
import { call } from "../helpers/trpc-call";
import { expectError, startRestHarness, type RestHarness } from "../rest/support";

const REDIS_URL = "redis://127.0.0.1:6379";
let api: RestHarness;
let redis: Redis;
beforeAll(async () => {
  api = await startRestHarness();
  const doc: SegmentInput = {
    segment_id: "rl-echo",
    name: "Echo",
    entrypoint: "echo",
    steps: [{ step_id: "echo", type: "transform", config: { expression: "input" } }],
    edges: [],
  };
  expect((await api.call("POST", "/api/v1/segments", { body: doc })).status).toBe(201);
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  await redis?.quit();
  await closeRateLimitStores();
  await api?.stop();
});

const start = () => api.call("POST", "/api/v1/segments/rl-echo/runs", { body: { input_data: { n: 1 } } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const limit = (points: number, durationSeconds = 1): Partial<Config> => ({
  runStartLimit: { points, durationSeconds, keyPrefix: `test:rl:${randomUUID()}` },
});

describe("the limiter", () => {
  it("default 60 per minute: the 61st start in a minute is refused with the seconds to wait", async () => {
    const limiter = createRunStartLimiter({ points: 60, durationSeconds: 60, keyPrefix: "unit" });
    for (let i = 0; i < 60; i++) await limiter.consume("api_key:k1");
    const refusal = await limiter.consume("api_key:k1").then(
      () => null,
      (err: unknown) => err,
    );
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect((refusal as RateLimitedError).code).toBe("rate_limited");
    expect((refusal as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    expect((refusal as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((refusal as RateLimitedError).message).toMatch(/at most 60 runs in a minute.*Wait \d+ seconds?/);
    // Another credential has its own allowance; 0 means no limit.
    await limiter.consume("api_key:k2");
    const off = createRunStartLimiter({ points: 0, durationSeconds: 60, keyPrefix: "unit-off" });
    for (let i = 0; i < 100; i++) await off.consume("x");
  });
});

describe("REST run starts (in memory)", () => {
  it("past the limit: 429 rate_limited with Retry-After; allowed again after the window", async () => {
    await api.withConfig(limit(3), async () => {
      for (let i = 0; i < 3; i++) expect((await start()).status).toBe(202);
      const refused = await start();
      const error = expectError(refused, 429, "rate_limited");
      expect(error.message).toMatch(/Too many runs started/);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // A re-run is a start too.
      const runs = await api.call<{ items: { run_id: string }[] }>("GET", "/api/v1/runs?segment_id=rl-echo&limit=1");
      expectError(await api.call("POST", `/api/v1/runs/${runs.body.items[0]!.run_id}/rerun`, { body: {} }), 429, "rate_limited");
      await sleep(1100);
      expect((await start()).status).toBe(202);
    });
  });

  it("tRPC runs.start past the limit: TOO_MANY_REQUESTS with a readable message", async () => {
    await api.withConfig(limit(1, 5), async () => {
      const first = await call("runs.start", { segment_id: "rl-echo", input: {} });
      expect(first.status).toBe(200);
      const second = await call("runs.start", { segment_id: "rl-echo", input: {} });
      expect(second.status).toBe(429);
      expect(second.body.error?.data.code).toBe("TOO_MANY_REQUESTS");
      expect(second.body.error?.data.appCode).toBe("rate_limited");
      expect(second.body.error?.message).toMatch(/^Too many runs started: at most 1 run in 5 seconds\. Wait \d seconds? and try again\.$/);
    });
  });

  it("the webhook trigger counts per segment and token, apart from API starts", async () => {
    const hook = await setSegmentWebhookToken(api.services, { segment_id: "rl-echo", publicUrl: "https://x.example" });
    const path = new URL(hook.url!).pathname;
    await api.withConfig(limit(2, 5), async () => {
      expect((await api.call("POST", path, { body: { n: 1 } })).status).toBe(202);
      expect((await api.call("POST", path, { body: { n: 2 } })).status).toBe(202);
      const refused = await api.call("POST", path, { body: { n: 3 } });
      expectError(refused, 429, "rate_limited");
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      // The owner's own API allowance is untouched.
      expect((await start()).status).toBe(202);
    });
  });
});

describe("REST run starts with REDIS_URL", () => {
  it("counts in Redis (shared by every process) and allows again after the window", async () => {
    const runStartLimit = { points: 2, durationSeconds: 1, keyPrefix: `test:rl:${randomUUID()}` };
    const patch: Partial<Config> = { runStartLimit, redisUrl: REDIS_URL };
    const prefix = runStartLimit.keyPrefix;
    // The server's client connects at first use; wait until it is ready so no start falls back to memory.
    const client = rateLimitRedis(REDIS_URL);
    if (client.status !== "ready") await new Promise((resolve) => client.once("ready", resolve));
    await api.withConfig(patch, async () => {
      expect((await start()).status).toBe(202);
      expect((await start()).status).toBe(202);
      const refused = await start();
      expectError(refused, 429, "rate_limited");
      expect(refused.headers.get("retry-after")).toBe("1");
      const keys = await redis.keys(`${prefix}*`);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toBe(`${prefix}:principal:local-owner`);

      // Another process with the same Redis sees the same count.
      const other = new Redis(REDIS_URL);
      try {
        if (other.status !== "ready") await new Promise((resolve) => other.once("ready", resolve));
        const elsewhere = createRunStartLimiter({ ...runStartLimit, redis: other });
        await expect(elsewhere.consume("principal:local-owner")).rejects.toBeInstanceOf(RateLimitedError);
      } finally {
        await other.quit();
      }
      await sleep(1100);
      expect((await start()).status).toBe(202);
    });
  });
});
