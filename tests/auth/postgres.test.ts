// The same account rules on PostgreSQL, where two setups can really race: the unique index on
// users.owner lets exactly one through.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolvePrincipal } from "../../src/server/auth/principal";
import { cookieFrom, OWNER, sameOrigin, startAuthHarness, trpc, type AuthHarness } from "./support";

let h: AuthHarness;
beforeAll(async () => {
  h = await startAuthHarness("postgres");
});
afterAll(async () => {
  await h?.stop();
});

describe("accounts on PostgreSQL", () => {
  it("concurrent-setup: two setups at once create one owner; the other is a conflict", async () => {
    const [a, b] = await Promise.all([
      trpc("auth.setup", { ...OWNER, confirm: OWNER.password }, { headers: sameOrigin }),
      trpc("auth.setup", { email: "other@example.com", password: "other password", confirm: "other password" }, { headers: sameOrigin }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const owner = await h.app.db.repos.users.findOwner();
    const winner = a.status === 200 ? OWNER.email : "other@example.com";
    expect(owner?.email).toBe(winner);
  });

  it("sign-in and a key work the same way", async () => {
    const owner = await h.app.db.repos.users.findOwner();
    const password = owner?.email === OWNER.email ? OWNER.password : "other password";
    const signedIn = await trpc("auth.signIn", { email: owner?.email, password }, { headers: sameOrigin });
    const cookie = cookieFrom(signedIn.setCookie);
    const created = await trpc<{ key: string }>("auth.apiKeys.create", { name: "pg" }, { headers: { cookie, ...sameOrigin } });
    const principal = await resolvePrincipal({ headers: { authorization: `Bearer ${created.data?.key}` } });
    expect(principal).toMatchObject({ id: owner?.id, credential: { kind: "api_key" } });
  });
});
