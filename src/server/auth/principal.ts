// The one place that decides who is asking. Every tRPC procedure, REST route and socket
// connection builds its principal here: with LLMTEAM_AUTH=on from an API key
// (`Authorization: Bearer …`, including LLMTEAM_BOOTSTRAP_API_KEY) or the session cookie; with
// LLMTEAM_AUTH=off every request is the local owner.
import { peekAppContext, type AppContext } from "../app-context";
import { getConfig } from "../config/env";
import { AppError } from "../services/errors";
import { headerValue, SESSION_MAX_LIFETIME_MS, SESSION_TOUCH_MS, SESSION_TTL_MS, sessionTokenOf } from "./session-cookie";
import { API_KEY_PREFIX, hashToken, sameSecret } from "./tokens";

export type Principal = {
  id: string;
  kind: "owner";
  displayName: string;
  /**
   * Which credential the request came with: rate limits count per session and per API key,
   * not per person. Absent for the local owner (auth off) and for system principals.
   */
  credential?: { kind: "session" | "api_key" | "bootstrap_key"; id: string };
};

export const LOCAL_OWNER: Principal = Object.freeze({
  id: "local-owner",
  kind: "owner",
  displayName: "Local owner",
});

export type RequestCredentials = {
  headers: Headers | Record<string, string | string[] | undefined>;
};

export const SIGN_IN_REQUIRED = "Sign in, or send an API key as `Authorization: Bearer <key>`.";
export const SESSION_EXPIRED = "Your session has expired or was ended: sign in again.";
export const KEY_REFUSED = "The API key is unknown or has been revoked.";

/** Whether requests need a credential: the configured mode of the running server. */
export function authEnabled(): boolean {
  return (peekAppContext()?.config ?? getConfig()).auth === "on";
}

/**
 * Who is asking. Throws AppError("unauthorized") (REST 401, tRPC UNAUTHORIZED, socket refused)
 * when auth is on and the request carries no valid credential. A Bearer header wins over the
 * cookie, so API clients are never subject to the browser's CSRF rules by accident.
 */
export async function resolvePrincipal(request: RequestCredentials): Promise<Principal> {
  const app = peekAppContext();
  const config = app?.config ?? getConfig();
  if (config.auth === "off") return LOCAL_OWNER;
  if (!app) throw new AppError("unavailable", "The server is starting: try again in a moment.");

  const authorization = headerValue(request.headers, "authorization");
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw new AppError("unauthorized", "The Authorization header must be `Bearer <API key>`.");
    return principalOfKey(app, match[1]);
  }
  const token = sessionTokenOf(request.headers);
  if (token) return principalOfSession(app, token);
  throw new AppError("unauthorized", SIGN_IN_REQUIRED);
}

async function principalOfKey(app: AppContext, key: string): Promise<Principal> {
  const { repos } = app.db;
  if (app.config.bootstrapApiKey && sameSecret(key, app.config.bootstrapApiKey)) {
    const owner = await repos.users.findOwner();
    return {
      id: owner?.id ?? "bootstrap-key",
      kind: "owner",
      displayName: owner?.email ?? "Bootstrap API key",
      credential: { kind: "bootstrap_key", id: "bootstrap" },
    };
  }
  if (!key.startsWith(API_KEY_PREFIX)) throw new AppError("unauthorized", KEY_REFUSED);
  const record = await repos.apiKeys.findByHash(hashToken(key));
  if (!record || record.revokedAt) throw new AppError("unauthorized", KEY_REFUSED);
  const user = await repos.users.findById(record.userId);
  if (!user) throw new AppError("unauthorized", KEY_REFUSED);
  const now = new Date();
  // "Last used" to the minute is enough, and spares a write per request.
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > 60_000) await repos.apiKeys.markUsed(record.id, now);
  return { id: user.id, kind: "owner", displayName: user.email, credential: { kind: "api_key", id: record.id } };
}

async function principalOfSession(app: AppContext, token: string): Promise<Principal> {
  const { sessions } = app.db.repos;
  const session = await sessions.findByTokenHash(hashToken(token));
  const now = Date.now();
  if (!session) throw new AppError("unauthorized", SESSION_EXPIRED);
  if (session.expiresAt.getTime() <= now) {
    await sessions.deleteById(session.id);
    throw new AppError("unauthorized", SESSION_EXPIRED);
  }
  if (now - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    const expiresAt = Math.min(now + SESSION_TTL_MS, session.createdAt.getTime() + SESSION_MAX_LIFETIME_MS);
    await sessions.touch(session.id, new Date(now), new Date(expiresAt));
  }
  return { id: session.user.id, kind: "owner", displayName: session.user.email, credential: { kind: "session", id: session.id } };
}
