// The page gate main.ts runs before Next: which pages need a session, where they redirect, and
// the security headers every answer carries. A real HTTP server whose "Next" answers 200 "page".
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatePage, safeReturnTo, setSecurityHeaders } from "../../src/server/auth/http-gate";
import { setupOwner, startAuthHarness, type AuthHarness } from "./support";

let h: AuthHarness;
let server: Server;
let base: string;
beforeAll(async () => {
  h = await startAuthHarness();
  server = createServer((req, res) => {
    setSecurityHeaders(res);
    void gatePage(req, res, h.app).then((answered) => {
      if (!answered) res.end("page");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await h?.stop();
});

const get = (path: string, cookie?: string) => fetch(`${base}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });

describe("page gate", () => {
  it("no-owner: every page leads to /setup, which is served", async () => {
    expect((await get("/runs")).headers.get("location")).toBe("/setup");
    expect((await get("/sign-in")).headers.get("location")).toBe("/setup");
    expect(await (await get("/setup")).text()).toBe("page");
  });

  it("signed-out: pages redirect to sign-in with the return path; public parts pass", async () => {
    const cookie = await setupOwner();
    const runs = await get("/runs?status=failed");
    expect(runs.status).toBe(303);
    expect(runs.headers.get("location")).toBe("/sign-in?next=%2Fruns%3Fstatus%3Dfailed");
    expect((await get("/")).headers.get("location")).toBe("/sign-in");
    expect((await get("/setup")).headers.get("location")).toBe("/sign-in");
    for (const open of ["/sign-in", "/approve/some.token", "/api/v1/segments", "/_next/static/x.js", "/logo.svg", "/socket.io/?EIO=4"]) {
      expect(await (await get(open)).text(), open).toBe("page");
    }
    // Signed in: pages are served, and /sign-in sends back to where the person was going.
    expect(await (await get("/runs", cookie)).text()).toBe("page");
    expect((await get("/sign-in?next=%2Fapprovals", cookie)).headers.get("location")).toBe("/approvals");
    expect((await get("/sign-in?next=%2F%2Fevil.example", cookie)).headers.get("location")).toBe("/");
    // A stale cookie is a signed-out visitor.
    expect((await get("/runs", "llmteam_session=stale")).headers.get("location")).toBe("/sign-in?next=%2Fruns");
  });

  it("security-headers: every answer, redirect or page", async () => {
    for (const res of [await get("/runs"), await get("/sign-in")]) {
      expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get("content-security-policy")).toMatch(/connect-src 'self' ws: wss:/);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    }
  });

  it("return-to: only paths on this site", () => {
    expect(safeReturnTo("/runs?x=1")).toBe("/runs?x=1");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "", null]) expect(safeReturnTo(bad)).toBe("/");
  });
});
