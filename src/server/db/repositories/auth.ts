// Users, sessions and API keys (LLMTEAM_AUTH=on). Tokens never reach this layer: sessions and keys
// are found by the sha256 of their token (see src/server/auth/tokens.ts).
import type { PrismaClient } from "../generated/client";

export type UserRecord = { id: string; email: string; passwordHash: string; owner: boolean | null; createdAt: Date };
export type SessionRecord = { id: string; userId: string; createdAt: Date; expiresAt: Date; lastSeenAt: Date; user: { id: string; email: string } };
export type ApiKeyRecord = {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const apiKeyFields = { id: true, name: true, prefix: true, userId: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export function userRepository(prisma: PrismaClient) {
  return {
    async findOwner(): Promise<UserRecord | null> {
      return prisma.user.findFirst({ where: { owner: true } });
    },
    async findByEmail(email: string): Promise<UserRecord | null> {
      return prisma.user.findUnique({ where: { email } });
    },
    async findById(id: string): Promise<UserRecord | null> {
      return prisma.user.findUnique({ where: { id } });
    },
    /** Ids and emails of the accounts (a handful: the owner today), oldest first. */
    async listPeople(): Promise<{ id: string; email: string }[]> {
      return prisma.user.findMany({ select: { id: true, email: true }, orderBy: { createdAt: "asc" }, take: 1000 });
    },
    /** Creates the owner; a second owner violates the unique index on `owner` (P2002). */
    async createOwner(email: string, passwordHash: string): Promise<UserRecord> {
      return prisma.user.create({ data: { email, passwordHash, owner: true } });
    },
    async update(id: string, data: { email?: string; passwordHash?: string }): Promise<UserRecord> {
      return prisma.user.update({ where: { id }, data });
    },
  };
}

export function sessionRepository(prisma: PrismaClient) {
  return {
    async create(data: { tokenHash: string; userId: string; expiresAt: Date }): Promise<{ id: string }> {
      return prisma.session.create({ data, select: { id: true } });
    },
    async findByTokenHash(tokenHash: string): Promise<SessionRecord | null> {
      return prisma.session.findUnique({
        where: { tokenHash },
        select: { id: true, userId: true, createdAt: true, expiresAt: true, lastSeenAt: true, user: { select: { id: true, email: true } } },
      });
    },
    async touch(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
      await prisma.session.updateMany({ where: { id }, data: { lastSeenAt, expiresAt } });
    },
    async deleteByTokenHash(tokenHash: string): Promise<void> {
      await prisma.session.deleteMany({ where: { tokenHash } });
    },
    async deleteById(id: string): Promise<void> {
      await prisma.session.deleteMany({ where: { id } });
    },
    async deleteForUser(userId: string): Promise<void> {
      await prisma.session.deleteMany({ where: { userId } });
    },
    async deleteExpired(now: Date): Promise<number> {
      return (await prisma.session.deleteMany({ where: { expiresAt: { lt: now } } })).count;
    },
  };
}

export function apiKeyRepository(prisma: PrismaClient) {
  return {
    async create(data: { name: string; prefix: string; keyHash: string; userId: string }): Promise<ApiKeyRecord> {
      return prisma.apiKey.create({ data, select: apiKeyFields });
    },
    async findByHash(keyHash: string): Promise<ApiKeyRecord | null> {
      return prisma.apiKey.findUnique({ where: { keyHash }, select: apiKeyFields });
    },
    /** Active keys first (newest first), then revoked ones. */
    async listForUser(userId: string): Promise<ApiKeyRecord[]> {
      return prisma.apiKey.findMany({
        where: { userId },
        select: apiKeyFields,
        orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      });
    },
    /** True when an active key of the user was revoked now. */
    async revoke(id: string, userId: string, at: Date): Promise<boolean> {
      return (await prisma.apiKey.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: at } })).count === 1;
    },
    async markUsed(id: string, at: Date): Promise<void> {
      await prisma.apiKey.updateMany({ where: { id }, data: { lastUsedAt: at } });
    },
  };
}
