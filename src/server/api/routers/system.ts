import { z } from "zod";
import { procedure, router } from "../trpc";

/** What the shell of the UI needs to know about the server (no secrets). */
export const systemRouter = router({
  info: procedure
    .output(
      z.object({
        version: z.string(),
        db: z.enum(["pglite", "postgres"]),
        auth: z.enum(["on", "off"]),
        principal: z.object({ id: z.string(), display_name: z.string() }),
      }),
    )
    .query(({ ctx }) => ({
      version: ctx.app.config.version,
      db: ctx.app.db.kind,
      auth: ctx.app.config.auth,
      principal: { id: ctx.principal.id, display_name: ctx.principal.displayName },
    })),
});
