import { z } from "zod";
import { AUTH_ENFORCED } from "../../auth/principal";
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
      // The effective mode, not the setting: see AUTH_ENFORCED.
      auth: AUTH_ENFORCED && ctx.app.config.auth === "on" ? ("on" as const) : ("off" as const),
      principal: { id: ctx.principal.id, display_name: ctx.principal.displayName },
    })),
});
