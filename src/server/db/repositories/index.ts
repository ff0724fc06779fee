import type { PrismaClient } from "../generated/client";
import { apiKeyRepository, sessionRepository, userRepository } from "./auth";
import { idempotencyKeyRepository } from "./idempotency-keys";
import { runRepository } from "./runs";
import { scheduleRepository } from "./schedules";
import { segmentRepository } from "./segments";
import { webhookRepository } from "./webhooks";

export function createRepositories(prisma: PrismaClient) {
  return {
    segments: segmentRepository(prisma),
    runs: runRepository(prisma),
    idempotencyKeys: idempotencyKeyRepository(prisma),
    webhooks: webhookRepository(prisma),
    schedules: scheduleRepository(prisma),
    users: userRepository(prisma),
    sessions: sessionRepository(prisma),
    apiKeys: apiKeyRepository(prisma),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
