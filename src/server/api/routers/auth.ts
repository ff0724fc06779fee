// Sign-in, owner setup, sign-out and API keys. Status, setup and sign-in are public (they are how
// one gets a credential); their mutations must still come from the app's own pages.
import { clientKeyOf } from "../../approvals/link-rate-limit";
import { createSignInLimiter } from "../../auth/sign-in-rate-limit";
import { z } from "zod";
import { resolvePrincipal } from "../../auth/principal";
import { assertSameOriginIfCookie } from "../../auth/same-origin";
import { clearedSessionCookie, sessionCookie, sessionTokenOf } from "../../auth/session-cookie";
import { createApiKey, listApiKeys, revokeApiKey } from "../../services/auth/api-keys";
import { setupOwner, signIn, signOut, type NewSession } from "../../services/auth/accounts";
import { listPeople } from "../../services/auth/people";
import { AppError } from "../../services/errors";
import { procedure, publicProcedure, router } from "../trpc";

const sameOriginPublic = publicProcedure.use(({ ctx, next }) => {
  assertSameOriginIfCookie({ headers: ctx.headers, method: ctx.method }, undefined, ctx.app.config);
  return next();
});

const credentials = z.object({ email: z.string().max(254), password: z.string().max(1024) });
const signedIn = z.object({ email: z.string() });
const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});

function requireAuthOn(mode: "on" | "off"): void {
  if (mode === "off") throw new AppError("conflict", "Access control is off on this server (LLMTEAM_AUTH=off): there is nothing to sign in to.");
}

const signInLimiter = createSignInLimiter();

/** Sign-in and setup, throttled per client address: failures count, a success clears them. */
async function limitedAttempt<T>(headers: Headers, attempt: () => Promise<T>): Promise<T> {
  const client = clientKeyOf(headers);
  await signInLimiter.check(client);
  try {
    const result = await attempt();
    await signInLimiter.succeeded(client);
    return result;
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") await signInLimiter.failed(client);
    throw error;
  }
}

export const authRouter = router({
  /** What the sign-in and setup pages need: the mode, whether an owner exists, who is signed in. */
  status: publicProcedure
    .output(z.object({ mode: z.enum(["on", "off"]), owner_exists: z.boolean(), signed_in: signedIn.nullable() }))
    .query(async ({ ctx }) => {
      const mode = ctx.app.config.auth;
      const ownerExists = (await ctx.app.db.repos.users.findOwner()) !== null;
      let signedInAs: { email: string } | null = null;
      if (mode === "on") {
        try {
          const principal = await resolvePrincipal({ headers: ctx.headers });
          signedInAs = { email: principal.displayName };
        } catch {
          signedInAs = null;
        }
      }
      return { mode, owner_exists: ownerExists, signed_in: signedInAs };
    }),

  setup: sameOriginPublic
    .input(credentials.extend({ confirm: z.string().max(1024) }))
    .output(signedIn)
    .mutation(async ({ ctx, input }) => {
      requireAuthOn(ctx.app.config.auth);
      if (input.password !== input.confirm) {
        throw new AppError("invalid_input", "The passwords do not match", [{ path: "confirm", message: "The passwords do not match" }]);
      }
      return startSession(ctx, await limitedAttempt(ctx.headers, () => setupOwner(ctx.app.db.repos, input)));
    }),

  signIn: sameOriginPublic
    .input(credentials)
    .output(signedIn)
    .mutation(async ({ ctx, input }) => {
      requireAuthOn(ctx.app.config.auth);
      return startSession(ctx, await limitedAttempt(ctx.headers, () => signIn(ctx.app.db.repos, input)));
    }),

  signOut: sameOriginPublic.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await signOut(ctx.app.db.repos, sessionTokenOf(ctx.headers));
    ctx.resHeaders.append("set-cookie", clearedSessionCookie(ctx.app.config));
    return { ok: true as const };
  }),

  /** The accounts' ids and emails: audit fields store ids, the app shows who that is. */
  people: procedure.output(z.array(z.object({ id: z.string(), label: z.string() }))).query(({ ctx }) => listPeople(ctx.services)),

  apiKeys: router({
    list: procedure.output(z.array(apiKeySchema)).query(({ ctx }) => listApiKeys(ctx.services)),
    create: procedure
      .input(z.object({ name: z.string() }))
      .output(z.object({ key: z.string(), api_key: apiKeySchema }))
      .mutation(({ ctx, input }) => createApiKey(ctx.services, input)),
    revoke: procedure
      .input(z.object({ id: z.string().min(1) }))
      .output(z.object({ ok: z.literal(true) }))
      .mutation(async ({ ctx, input }) => {
        await revokeApiKey(ctx.services, input);
        return { ok: true as const };
      }),
  }),
});

function startSession(ctx: { resHeaders: Headers; app: { config: Parameters<typeof sessionCookie>[1] } }, session: NewSession) {
  ctx.resHeaders.append("set-cookie", sessionCookie(session.token, ctx.app.config));
  return { email: session.email };
}
