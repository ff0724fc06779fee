// The owner account and browser sessions: setup (once), sign-in, sign-out, and the owner from
// LLMTEAM_OWNER_EMAIL/LLMTEAM_OWNER_PASSWORD at startup.
import { z } from "zod";
import { burnPasswordCheck, hashPassword, verifyPassword } from "../../auth/password";
import { SESSION_TTL_MS } from "../../auth/session-cookie";
import { hashToken, newToken } from "../../auth/tokens";
import type { Repositories } from "../../db/repositories";
import { AppError, isUniqueViolation } from "../errors";

type AuthRepos = Pick<Repositories, "users" | "sessions">;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "The email address is too long")
  .pipe(z.email("Enter a valid email address"));
export const newPasswordSchema = z
  .string()
  .min(8, "The password must be at least 8 characters")
  .max(1024, "The password must be at most 1024 characters");

/** One message for an unknown email and a wrong password: the form reveals nobody's account. */
export const SIGN_IN_FAILED = "Wrong email or password.";
export const OWNER_EXISTS = "This server already has an owner: sign in instead.";

export type NewSession = { token: string; expiresAt: Date; email: string };

async function startSession(repos: AuthRepos, user: { id: string; email: string }): Promise<NewSession> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await repos.sessions.create({ tokenHash: hashToken(token), userId: user.id, expiresAt });
  return { token, expiresAt, email: user.email };
}

/** Creates the owner (only while there is none) and signs them in. */
export async function setupOwner(repos: AuthRepos, input: { email: string; password: string }): Promise<NewSession> {
  if (await repos.users.findOwner()) throw new AppError("conflict", OWNER_EXISTS);
  const email = emailSchema.parse(input.email);
  const passwordHash = await hashPassword(newPasswordSchema.parse(input.password));
  try {
    const user = await repos.users.createOwner(email, passwordHash);
    return await startSession(repos, user);
  } catch (err) {
    // Two setups at once: the unique index on `owner` lets one through.
    if (isUniqueViolation(err)) throw new AppError("conflict", OWNER_EXISTS);
    throw err;
  }
}

export async function signIn(repos: AuthRepos, input: { email: string; password: string }): Promise<NewSession> {
  const email = input.email.trim().toLowerCase();
  const user = email ? await repos.users.findByEmail(email) : null;
  if (!user) {
    await burnPasswordCheck(input.password);
    throw new AppError("unauthorized", SIGN_IN_FAILED);
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) throw new AppError("unauthorized", SIGN_IN_FAILED);
  return startSession(repos, user);
}

/** Ends the session of this cookie token (unknown or already ended: nothing to do). */
export async function signOut(repos: AuthRepos, token: string | undefined): Promise<void> {
  if (token) await repos.sessions.deleteByTokenHash(hashToken(token));
}

/**
 * LLMTEAM_OWNER_EMAIL/PASSWORD at startup: creates the owner, or brings the existing owner's
 * email and password in line with the variables (ending their sessions when the password changed).
 */
export async function ensureOwnerFromConfig(
  repos: AuthRepos,
  owner: { email: string; password: string },
): Promise<"created" | "updated" | "unchanged"> {
  const email = emailSchema.parse(owner.email);
  const existing = await repos.users.findOwner();
  if (!existing) {
    await repos.users.createOwner(email, await hashPassword(owner.password));
    return "created";
  }
  const samePassword = await verifyPassword(owner.password, existing.passwordHash);
  if (samePassword && existing.email === email) return "unchanged";
  await repos.users.update(existing.id, {
    email,
    ...(samePassword ? {} : { passwordHash: await hashPassword(owner.password) }),
  });
  if (!samePassword) await repos.sessions.deleteForUser(existing.id);
  return "updated";
}
