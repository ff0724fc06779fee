// The owner account and browser sessions with LLMTEAM_AUTH=on, over a real database: setup once,
// sign-in, sign-out, expiry, and CSRF on cookie-authenticated mutations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolvePrincipal } from "../../src/server/auth/principal";
import { hashToken } from "../../src/server/auth/tokens";
import { ensureOwnerFromConfig } from "../../src/server/services/auth/accounts";
import { cookieFrom, OWNER, ORIGIN, sameOrigin, setupOwner, startAuthHarness, trpc, type AuthHarness } from "./support";

let h: AuthHarness;
let ownerCookie: string;
beforeAll(async () => {
  h = await startAuthHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe("owner setup", () => {
  it("status-before-setup: no owner, nobody signed in, and procedures answer UNAUTHORIZED", async () => {
    const status = await trpc("auth.status", undefined, { method: "GET" });
    expect(status.data).toEqual({ mode: "on", owner_exists: false, signed_in: null });
    const info = await trpc("system.info", undefined, { method: "GET" });
    expect(info.status).toBe(401);
    expect(info.error?.data.code).toBe("UNAUTHORIZED");
  });

  it("setup-mismatch: a confirmation that differs is refused and creates nothing", async () => {
    const answer = await trpc("auth.setup", { ...OWNER, confirm: "something else" }, { headers: sameOrigin });
    expect(answer.error?.data.code).toBe("BAD_REQUEST");
    expect(await h.app.db.repos.users.findOwner()).toBeNull();
  });

  it("setup-once: the first setup creates the owner and signs in; a second is refused", async () => {
    ownerCookie = await setupOwner();
    expect(ownerCookie).toMatch(/^llmteam_session=[\w-]{40,}$/);
    const again = await trpc("auth.setup", { email: "intruder@example.com", password: "whatever123", confirm: "whatever123" }, { headers: sameOrigin });
    expect(again.error?.data.code).toBe("CONFLICT");
    expect(again.error?.message).toMatch(/already has an owner/);
    expect(again.setCookie).toEqual([]);
    expect((await h.app.db.repos.users.findOwner())?.email).toBe(OWNER.email);
  });

  it("session-cookie: httpOnly, SameSite=Lax, path /, not Secure over http; only its hash is stored", async () => {
    const answer = await trpc("auth.signIn", OWNER, { headers: sameOrigin });
    const line = answer.setCookie[0] ?? "";
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    expect(line).toMatch(/; Path=\//);
    expect(line).not.toMatch(/Secure/);
    const token = cookieFrom(answer.setCookie).split("=")[1] ?? "";
    expect(await h.app.db.repos.sessions.findByTokenHash(token)).toBeNull();
    expect(await h.app.db.repos.sessions.findByTokenHash(hashToken(token))).not.toBeNull();
  });

  it("status-signed-in: the session cookie makes every procedure know the owner", async () => {
    const status = await trpc("auth.status", undefined, { method: "GET", headers: { cookie: ownerCookie } });
    expect(status.data).toEqual({ mode: "on", owner_exists: true, signed_in: { email: OWNER.email } });
    const info = await trpc<{ auth: string; principal: { display_name: string } }>("system.info", undefined, { method: "GET", headers: { cookie: ownerCookie } });
    expect(info.data?.auth).toBe("on");
    expect(info.data?.principal.display_name).toBe(OWNER.email);
    const principal = await resolvePrincipal({ headers: { cookie: ownerCookie } });
    expect(principal.credential?.kind).toBe("session");
  });
});

describe("sign-in", () => {
  it("password-guessing: ten failures from one address lock it out for the minute (even the right password), other addresses still sign in", async () => {
    const guesser = { ...sameOrigin, "x-llmteam-client-ip": "203.0.113.9" };
    for (let i = 0; i < 10; i++) {
      const answer = await trpc("auth.signIn", { email: OWNER.email, password: `guess number ${i}` }, { headers: guesser });
      expect(answer.status).toBe(401);
    }
    const locked = await trpc("auth.signIn", OWNER, { headers: guesser });
    expect(locked.status).toBe(429);
    expect(locked.error?.data.code).toBe("TOO_MANY_REQUESTS");
    expect(locked.error?.message).toMatch(/Too many failed sign-in attempts from your network\. Wait \d+ seconds?/);
    expect(locked.setCookie).toEqual([]);
    const elsewhere = await trpc("auth.signIn", OWNER, { headers: { ...sameOrigin, "x-llmteam-client-ip": "198.51.100.4" } });
    expect(elsewhere.status).toBe(200);
  });

  it("wrong-password and unknown-email: the same message, no cookie", async () => {
    const wrong = await trpc("auth.signIn", { email: OWNER.email, password: "not the password" }, { headers: sameOrigin });
    const unknown = await trpc("auth.signIn", { email: "nobody@example.com", password: "not the password" }, { headers: sameOrigin });
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.error?.message).toBe("Wrong email or password.");
      expect(answer.setCookie).toEqual([]);
    }
  });

  it("sign-in-ok: email in any case signs in with a new session", async () => {
    const answer = await trpc<{ email: string }>("auth.signIn", { email: "  OWNER@example.com", password: OWNER.password }, { headers: sameOrigin });
    expect(answer.data).toEqual({ email: OWNER.email });
    const cookie = cookieFrom(answer.setCookie);
    expect(cookie).not.toBe(ownerCookie);
    expect((await resolvePrincipal({ headers: { cookie } })).displayName).toBe(OWNER.email);
  });

  it("sign-in-csrf: a sign-in posted from another site is refused (login CSRF)", async () => {
    const answer = await trpc("auth.signIn", OWNER, { headers: { origin: "https://evil.example" } });
    expect(answer.status).toBe(403);
    expect(answer.error?.data.code).toBe("FORBIDDEN");
  });
});

describe("sessions end", () => {
  it("sign-out-invalidates: after sign-out the same cookie is refused", async () => {
    const cookie = cookieFrom((await trpc("auth.signIn", OWNER, { headers: sameOrigin })).setCookie);
    const out = await trpc("auth.signOut", undefined, { headers: { cookie, ...sameOrigin } });
    expect(out.status).toBe(200);
    expect(out.setCookie[0]).toMatch(/^llmteam_session=; .*Max-Age=0/);
    const after = await trpc("system.info", undefined, { method: "GET", headers: { cookie } });
    expect(after.error?.data.code).toBe("UNAUTHORIZED");
    expect(after.error?.message).toMatch(/sign in again/);
  });

  it("expired-session: a session past its expiry is refused and deleted", async () => {
    const cookie = cookieFrom((await trpc("auth.signIn", OWNER, { headers: sameOrigin })).setCookie);
    const token = cookie.split("=")[1] ?? "";
    const session = await h.app.db.repos.sessions.findByTokenHash(hashToken(token));
    if (!session) throw new Error("no session stored");
    await h.app.db.repos.sessions.touch(session.id, new Date(Date.now() - 15 * 86_400_000), new Date(Date.now() - 1000));
    await expect(resolvePrincipal({ headers: { cookie } })).rejects.toMatchObject({ code: "unauthorized" });
    expect(await h.app.db.repos.sessions.findByTokenHash(hashToken(token))).toBeNull();
  });

  it("sliding-expiry: a session used after an hour is extended by 14 days", async () => {
    const cookie = cookieFrom((await trpc("auth.signIn", OWNER, { headers: sameOrigin })).setCookie);
    const tokenHash = hashToken(cookie.split("=")[1] ?? "");
    const session = await h.app.db.repos.sessions.findByTokenHash(tokenHash);
    if (!session) throw new Error("no session stored");
    await h.app.db.repos.sessions.touch(session.id, new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() + 60_000));
    await resolvePrincipal({ headers: { cookie } });
    const after = await h.app.db.repos.sessions.findByTokenHash(tokenHash);
    expect(after!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
  });

  it("owner-from-env: a changed LLMTEAM_OWNER_PASSWORD updates the owner and ends their sessions", async () => {
    const cookie = cookieFrom((await trpc("auth.signIn", OWNER, { headers: sameOrigin })).setCookie);
    expect(await ensureOwnerFromConfig(h.app.db.repos, OWNER)).toBe("unchanged");
    expect(await ensureOwnerFromConfig(h.app.db.repos, { email: OWNER.email, password: "a brand new password" })).toBe("updated");
    await expect(resolvePrincipal({ headers: { cookie } })).rejects.toMatchObject({ code: "unauthorized" });
    const old = await trpc("auth.signIn", OWNER, { headers: sameOrigin });
    expect(old.status).toBe(401);
    expect((await trpc("auth.signIn", { email: OWNER.email, password: "a brand new password" }, { headers: sameOrigin })).status).toBe(200);
    await ensureOwnerFromConfig(h.app.db.repos, OWNER);
    ownerCookie = cookieFrom((await trpc("auth.signIn", OWNER, { headers: sameOrigin })).setCookie);
  });
});

describe("CSRF on cookie-authenticated tRPC mutations", () => {
  const segment = () => ({ name: `CSRF ${Math.random().toString(36).slice(2, 8)}` });

  it("csrf-foreign-origin: cookie + another site's Origin → FORBIDDEN, nothing created", async () => {
    const before = await h.app.db.repos.segments.count();
    const answer = await trpc("segments.create", segment(), { headers: { cookie: ownerCookie, origin: "https://evil.example" } });
    expect(answer.status).toBe(403);
    expect(answer.error?.message).toMatch(/does not come from this app's pages/);
    expect(await h.app.db.repos.segments.count()).toBe(before);
  });

  it("csrf-no-origin: cookie with no Origin, Sec-Fetch-Site or Referer is refused; cross-site Sec-Fetch-Site too", async () => {
    expect((await trpc("segments.create", segment(), { headers: { cookie: ownerCookie } })).status).toBe(403);
    expect((await trpc("segments.create", segment(), { headers: { cookie: ownerCookie, "sec-fetch-site": "cross-site" } })).status).toBe(403);
  });

  it("csrf-same-origin: the app's own Origin (or Sec-Fetch-Site: same-origin) is allowed", async () => {
    expect((await trpc("segments.create", segment(), { headers: { cookie: ownerCookie, origin: ORIGIN } })).status).toBe(200);
    expect((await trpc("segments.create", segment(), { headers: { cookie: ownerCookie, "sec-fetch-site": "same-origin" } })).status).toBe(200);
  });

  it("csrf-bearer-exempt: an API key needs no Origin", async () => {
    const { BOOTSTRAP_KEY } = await import("./support");
    const answer = await trpc("segments.create", segment(), { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } });
    expect(answer.status).toBe(200);
  });

  it("queries need no Origin: a GET with the cookie alone works", async () => {
    expect((await trpc("segments.list", undefined, { method: "GET", headers: { cookie: ownerCookie } })).status).toBe(200);
  });
});
