import type { PrismaClient } from "../generated/client";
import { runRepository } from "./runs";
import { segmentRepository } from "./segments";

export function createRepositories(prisma: PrismaClient) {
  return {
    segments: segmentRepository(prisma),
    runs: runRepository(prisma),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
