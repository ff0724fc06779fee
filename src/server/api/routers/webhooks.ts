import { z } from "zod";
import { disableSegmentWebhook, getSegmentWebhook, setSegmentWebhookToken } from "../../services/webhooks/segment-webhook";
import { procedure, router } from "../trpc";

const segmentRef = z.object({ segment_id: z.string().min(1).max(64) });

const webhookSchema = z.object({
  segment_id: z.string(),
  enabled: z.boolean(),
  url: z.string().nullable(),
  created_at: z.string().nullable(),
  rotated_at: z.string().nullable(),
});

/** The segment's webhook trigger (its URL carries the token: owners only, like everything here). */
export const webhooksRouter = router({
  get: procedure
    .input(segmentRef)
    .output(webhookSchema)
    .query(({ ctx, input }) => getSegmentWebhook(ctx.services, { ...input, publicUrl: ctx.app.config.publicUrl })),
  /** Enables the trigger, or gives it a new token (the old URL stops working at once). */
  rotate: procedure
    .input(segmentRef)
    .output(webhookSchema)
    .mutation(({ ctx, input }) => setSegmentWebhookToken(ctx.services, { ...input, publicUrl: ctx.app.config.publicUrl })),
  disable: procedure
    .input(segmentRef)
    .output(webhookSchema)
    .mutation(({ ctx, input }) => disableSegmentWebhook(ctx.services, { ...input, publicUrl: ctx.app.config.publicUrl })),
});
