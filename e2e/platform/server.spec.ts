// The production server as deployed: one port serving the app, the API and socket.io.
import { expect, test } from "@playwright/test";
import { io } from "socket.io-client";
import { E2E_BOOTSTRAP_KEY } from "../credentials";

test("health reports ok on the embedded database", async ({ request }) => {
  const res = await request.get("/api/v1/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", db: "pglite", queue: "inline", version: expect.any(String) });
});

test("an unknown API path answers the JSON error envelope; known routes still win over the catch-all", async ({ request }) => {
  const res = await request.post("/api/v1/no/such/route");
  expect(res.status()).toBe(404);
  expect(await res.json()).toEqual({ error: { code: "not_found", message: expect.stringContaining("POST /api/v1/no/such/route") } });
  const runs = await request.get("/api/v1/runs?limit=1");
  expect(runs.status()).toBe(200);
  expect(await runs.json()).toMatchObject({ items: expect.any(Array) });
  const missing = await request.get("/api/v1/runs/no-such-run");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("not_found");
});

test("socket.io answers on the same port as the pages, to a program with a key only", async ({ baseURL }) => {
  // Access control is on: a client without a credential is refused at connect.
  const anonymous = io(baseURL!, { path: "/socket.io", transports: ["websocket"], reconnection: false });
  const refused = await new Promise<string>((resolve) => {
    anonymous.once("connect", () => resolve("connected"));
    anonymous.once("connect_error", (err) => resolve(err.message));
  });
  anonymous.close();
  expect(refused).toBe("unauthorized");

  const socket = io(baseURL!, { path: "/socket.io", transports: ["websocket"], reconnection: false, auth: { token: E2E_BOOTSTRAP_KEY } });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    // The live-run protocol answers on this port: an unknown run is refused by name, not ignored.
    expect(await socket.emitWithAck("subscribe", { run_id: "no-such-run", after_seq: 0 })).toEqual({
      ok: false,
      error: { code: "not_found", message: expect.any(String) },
    });
  } finally {
    socket.close();
  }
});

test("an unknown page shows the not-found page, not a crash", async ({ page }) => {
  const res = await page.goto("/no/such/page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("GET /metrics: 401 without the token (auth on in production), Prometheus text with it, requests labelled by route pattern", async ({ request, playwright, baseURL }) => {
  // The suite's own contexts are signed in (a session counts as a credential): ask as nobody.
  const nobody = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const anonymous = await nobody.get("/metrics");
  expect(anonymous.status()).toBe(401);
  await nobody.dispose();
  const health = await request.get("/api/v1/health", { headers: { "x-correlation-id": "e2e-health-1" } });
  expect(health.headers()["x-correlation-id"]).toBe("e2e-health-1");
  const token = String(test.info().config.metadata.metricsToken);
  const res = await request.get("/metrics", { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/plain/);
  const text = await res.text();
  expect(text).toMatch(/^# TYPE llmteam_segments_started_total counter$/m);
  expect(text).toMatch(/^llmteam_pending_approvals \d+$/m);
  expect(text).toMatch(/^llmteam_http_requests_total\{method="GET",route="\/api\/v1\/health",status_code="200",status_class="2xx"\} \d+$/m);
  expect(text).toMatch(/^process_cpu_seconds_total /m);
});
