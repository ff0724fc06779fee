// Webhook triggers of segments: one row per enabled trigger (see SegmentWebhook in schema.prisma).
import type { PrismaClient } from "../generated/client";

export type WebhookRecord = { segmentId: string; token: string; createdAt: Date; rotatedAt: Date };

export function webhookRepository(prisma: PrismaClient) {
  return {
    async get(segmentId: string): Promise<WebhookRecord | null> {
      return prisma.segmentWebhook.findUnique({ where: { segmentId } });
    },
    /** Enables the trigger with `token`, or replaces the token of an enabled one (rotation). */
    async setToken(segmentId: string, token: string): Promise<WebhookRecord> {
      return prisma.segmentWebhook.upsert({
        where: { segmentId },
        create: { segmentId, token },
        update: { token, rotatedAt: new Date() },
      });
    },
    async remove(segmentId: string): Promise<void> {
      await prisma.segmentWebhook.deleteMany({ where: { segmentId } });
    },
  };
}
