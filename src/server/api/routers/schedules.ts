import { z } from "zod";
import { getAppContext } from "../../app-context";
import { createSchedule, deleteSchedule, listSchedules, updateSchedule } from "../../services/schedules/schedules";
import { procedure, router } from "../trpc";

const scheduleSchema = z.object({
  schedule_id: z.string(),
  segment_id: z.string(),
  cron: z.string(),
  timezone: z.string(),
  input: z.unknown(),
  enabled: z.boolean(),
  next_fires: z.array(z.string()),
  last_fired_at: z.string().nullable(),
  last_run_id: z.string().nullable(),
  last_error: z.string().nullable(),
  created_at: z.string(),
});

const fields = {
  cron: z.string().trim().min(1, "a cron pattern is required").max(200),
  timezone: z.string().min(1).max(64),
  input: z.unknown().optional(),
  enabled: z.boolean().optional(),
};

/** The server's scheduler looks again at once (not at its next wake-up). */
const poke = () => getAppContext().schedules?.poke();

/** Cron schedules that start runs of a segment (issue 6 triggers). */
export const schedulesRouter = router({
  list: procedure
    .input(z.object({ segment_id: z.string().min(1).max(64) }))
    .output(z.array(scheduleSchema))
    .query(({ ctx, input }) => listSchedules(ctx.services, input)),
  create: procedure
    .input(z.object({ segment_id: z.string().min(1).max(64), ...fields }))
    .output(scheduleSchema)
    .mutation(async ({ ctx, input }) => {
      const created = await createSchedule(ctx.services, input);
      poke();
      return created;
    }),
  update: procedure
    .input(z.object({ schedule_id: z.string().min(1).max(64), ...fields }))
    .output(scheduleSchema)
    .mutation(async ({ ctx, input }) => {
      const updated = await updateSchedule(ctx.services, input);
      poke();
      return updated;
    }),
  delete: procedure.input(z.object({ schedule_id: z.string().min(1).max(64) })).mutation(async ({ ctx, input }) => {
    await deleteSchedule(ctx.services, input);
    poke();
    return { ok: true as const };
  }),
});
