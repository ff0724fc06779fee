// API keys of the signed-in user: create (the key is returned once), list, revoke.
import { z } from "zod";
import { API_KEY_PREFIX, API_KEY_SHOWN_CHARS, hashToken, newToken } from "../../auth/tokens";
import type { ApiKeyRecord } from "../../db/repositories/auth";
import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";

export const apiKeyNameSchema = z.string().trim().min(1, "Give the key a name").max(100, "The name must be at most 100 characters");

export type ApiKeyView = {
  id: string;
  name: string;
  /** The first characters of the key, to recognise it (`llmt_AbCd1234`). */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

function view(record: ApiKeyRecord): ApiKeyView {
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    created_at: record.createdAt.toISOString(),
    last_used_at: record.lastUsedAt?.toISOString() ?? null,
    revoked_at: record.revokedAt?.toISOString() ?? null,
  };
}

/** Keys belong to a user: the local owner (auth off) and the bootstrap key before setup have none. */
async function userIdOf(ctx: ServiceContext): Promise<string> {
  const user = await ctx.repos.users.findById(ctx.principal.id);
  if (!user) throw new AppError("forbidden", "API keys belong to a signed-in account: turn access control on (LLMTEAM_AUTH=on) and sign in.");
  return user.id;
}

export async function createApiKey(ctx: ServiceContext, input: { name: string }): Promise<{ key: string; api_key: ApiKeyView }> {
  const name = apiKeyNameSchema.parse(input.name);
  const userId = await userIdOf(ctx);
  const key = newToken(API_KEY_PREFIX);
  const record = await ctx.repos.apiKeys.create({ name, prefix: key.slice(0, API_KEY_SHOWN_CHARS), keyHash: hashToken(key), userId });
  return { key, api_key: view(record) };
}

export async function listApiKeys(ctx: ServiceContext): Promise<ApiKeyView[]> {
  const user = await ctx.repos.users.findById(ctx.principal.id);
  if (!user) return [];
  return (await ctx.repos.apiKeys.listForUser(user.id)).map(view);
}

export async function revokeApiKey(ctx: ServiceContext, input: { id: string }): Promise<void> {
  const userId = await userIdOf(ctx);
  if (!(await ctx.repos.apiKeys.revoke(input.id, userId, new Date()))) throw notFound(`Active API key "${input.id}"`);
}
