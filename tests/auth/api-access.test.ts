// API keys and the REST API, SSE stream and socket.io with LLMTEAM_AUTH=on: what a program sees
// with no key, a wrong key, a revoked key, the bootstrap key and a session cookie.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachSocketServer } from "../../src/server/realtime/socket-server";
import { SOCKET_PATH } from "../../src/shared/events/socket-protocol";
import { sampleSegment } from "../helpers/segments";
import { callRoute, expectError } from "../rest/support";
import { BOOTSTRAP_KEY, ORIGIN, OWNER, sameOrigin, setupOwner, startAuthHarness, trpc, type AuthHarness } from "./support";

let h: AuthHarness;
let cookie: string;
let key: string;
let keyId: string;
beforeAll(async () => {
  h = await startAuthHarness();
  cookie = await setupOwner();
  const created = await trpc<{ key: string; api_key: { id: string } }>("auth.apiKeys.create", { name: "ci" }, { headers: { cookie, ...sameOrigin } });
  if (!created.data) throw new Error(`key creation failed: ${JSON.stringify(created.error)}`);
  key = created.data.key;
  keyId = created.data.api_key.id;
});
afterAll(async () => {
  await h?.stop();
});

const bearer = (k: string) => ({ authorization: `Bearer ${k}` });

describe("API keys", () => {
  it("create-shows-once: the key is returned at creation, the list shows only its prefix", async () => {
    expect(key).toMatch(/^llmt_[\w-]{43}$/);
    const list = await trpc<Array<{ id: string; name: string; prefix: string; last_used_at: string | null }>>("auth.apiKeys.list", undefined, {
      method: "GET",
      headers: { cookie },
    });
    expect(list.data).toEqual([expect.objectContaining({ id: keyId, name: "ci", prefix: key.slice(0, 13), last_used_at: null })]);
    expect(JSON.stringify(list.data)).not.toContain(key);
  });

  it("key-works: a key lists segments over REST, and its use is recorded", async () => {
    const reply = await callRoute("GET", "/api/v1/segments", { headers: bearer(key) });
    expect(reply.status).toBe(200);
    const list = await trpc<Array<{ last_used_at: string | null }>>("auth.apiKeys.list", undefined, { method: "GET", headers: { cookie } });
    expect(list.data?.[0]?.last_used_at).not.toBeNull();
  });

  it("empty-name: a key needs a name", async () => {
    const answer = await trpc("auth.apiKeys.create", { name: "  " }, { headers: { cookie, ...sameOrigin } });
    expect(answer.error?.data.code).toBe("BAD_REQUEST");
  });
});

describe("people", () => {
  it("who-decided: a signed-in caller learns the accounts' emails by id (audit fields store the id); without a credential, nothing", async () => {
    const owner = await h.app.db.repos.users.findOwner();
    const people = await trpc<Array<{ id: string; label: string }>>("auth.people", undefined, { method: "GET", headers: { cookie } });
    expect(people.data).toEqual([{ id: owner?.id, label: OWNER.email }]);
    const byKey = await trpc<Array<{ id: string; label: string }>>("auth.people", undefined, { method: "GET", headers: bearer(key) });
    expect(byKey.data).toEqual(people.data);
    const anonymous = await trpc("auth.people", undefined, { method: "GET" });
    expect(anonymous.error?.data.code).toBe("UNAUTHORIZED");
  });
});

describe("REST without a valid credential", () => {
  it("missing-credential: 401 in the error envelope", async () => {
    const error = expectError(await callRoute("GET", "/api/v1/segments"), 401, "unauthorized");
    expect(error.message).toMatch(/Sign in, or send an API key/);
    expectError(await callRoute("POST", "/api/v1/segments", { body: { name: "x" } }), 401, "unauthorized");
  });

  it("wrong-key: an unknown key or a malformed header is 401", async () => {
    expectError(await callRoute("GET", "/api/v1/segments", { headers: bearer("llmt_notakeyatall") }), 401, "unauthorized");
    expectError(await callRoute("GET", "/api/v1/segments", { headers: bearer("something-else") }), 401, "unauthorized");
    expectError(await callRoute("GET", "/api/v1/segments", { headers: { authorization: "Basic dXNlcjpwYXNz" } }), 401, "unauthorized");
  });

  it("public-routes: health and the OpenAPI document need no credential", async () => {
    expect((await callRoute("GET", "/api/v1/health")).status).toBe(200);
    expect((await callRoute("GET", "/api/v1/openapi.json")).status).toBe(200);
  });

  it("bootstrap-key: LLMTEAM_BOOTSTRAP_API_KEY acts as the owner", async () => {
    const reply = await callRoute<{ items: unknown[] }>("GET", "/api/v1/segments", { headers: bearer(BOOTSTRAP_KEY) });
    expect(reply.status).toBe(200);
  });
});

describe("SSE", () => {
  // An unknown run answers 404 after the credential check: 404 proves the request got through.
  const events = "/api/v1/runs/no-such-run/events";
  it("sse-auth: no credential or a wrong key → 401; a key or the cookie reaches the route", async () => {
    expectError(await callRoute("GET", events), 401, "unauthorized");
    expectError(await callRoute("GET", events, { headers: bearer("llmt_wrong") }), 401, "unauthorized");
    expectError(await callRoute("GET", events, { headers: bearer(key) }), 404, "not_found");
    expectError(await callRoute("GET", events, { headers: { cookie } }), 404, "not_found");
  });
});

describe("CSRF on REST", () => {
  const body = () => sampleSegment({ segment_id: `rest-csrf-${Math.random().toString(36).slice(2, 8)}` });
  it("rest-csrf: cookie + foreign Origin → 403; same origin and Bearer → created", async () => {
    const refused = expectError(await callRoute("POST", "/api/v1/segments", { body: body(), headers: { cookie, origin: "https://evil.example" } }), 403, "forbidden");
    expect(refused.message).toMatch(/API key/);
    expectError(await callRoute("POST", "/api/v1/segments", { body: body(), headers: { cookie } }), 403, "forbidden");
    expect((await callRoute("POST", "/api/v1/segments", { body: body(), headers: { cookie, origin: ORIGIN } })).status).toBe(201);
    expect((await callRoute("POST", "/api/v1/segments", { body: body(), headers: bearer(key) })).status).toBe(201);
  });
});

describe("socket.io", () => {
  let http: HttpServer;
  let io: Server;
  let url: string;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    http = createServer();
    io = attachSocketServer(http, { events: h.app.runtime.events, runs: h.app.db.runStore, publicUrl: ORIGIN });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await new Promise<void>((resolve) => io.close(() => resolve()));
  });

  function open(options: { token?: string; headers?: Record<string, string> }): Promise<{ ok: true } | { ok: false; message: string }> {
    const socket = connect(url, {
      path: SOCKET_PATH,
      transports: ["websocket"],
      reconnection: false,
      ...(options.token ? { auth: { token: options.token } } : {}),
      ...(options.headers ? { extraHeaders: options.headers } : {}),
    });
    sockets.push(socket);
    return new Promise((resolve) => {
      socket.on("connect", () => resolve({ ok: true }));
      socket.on("connect_error", (err) => resolve({ ok: false, message: err.message }));
    });
  }

  it("socket-refused: no credential, a wrong token, a revoked-style unknown key are refused", async () => {
    expect(await open({})).toEqual({ ok: false, message: "unauthorized" });
    expect(await open({ token: "llmt_wrong" })).toEqual({ ok: false, message: "unauthorized" });
  });

  it("socket-accepted: auth.token with a key, or the session cookie", async () => {
    expect(await open({ token: key })).toEqual({ ok: true });
    expect(await open({ token: BOOTSTRAP_KEY })).toEqual({ ok: true });
    expect(await open({ headers: { cookie } })).toEqual({ ok: true });
  });

  it("socket-cross-site: a cookie-signed socket opened from another site is refused", async () => {
    expect(await open({ headers: { cookie, origin: "https://evil.example" } })).toEqual({ ok: false, message: "forbidden" });
  });
});

describe("revocation", () => {
  it("revoked-key: after revoking, the key gets 401 on REST and SSE and is listed as revoked", async () => {
    const revoked = await trpc("auth.apiKeys.revoke", { id: keyId }, { headers: { cookie, ...sameOrigin } });
    expect(revoked.status).toBe(200);
    const error = expectError(await callRoute("GET", "/api/v1/segments", { headers: bearer(key) }), 401, "unauthorized");
    expect(error.message).toBe("The API key is unknown or has been revoked.");
    expectError(await callRoute("GET", "/api/v1/runs/no-such-run/events", { headers: bearer(key) }), 401, "unauthorized");
    const list = await trpc<Array<{ revoked_at: string | null }>>("auth.apiKeys.list", undefined, { method: "GET", headers: { cookie } });
    expect(list.data?.[0]?.revoked_at).not.toBeNull();
    const twice = await trpc("auth.apiKeys.revoke", { id: keyId }, { headers: { cookie, ...sameOrigin } });
    expect(twice.error?.data.code).toBe("NOT_FOUND");
  });
});
