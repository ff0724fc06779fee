import { runsRouter } from "./routers/runs";
import { segmentsRouter } from "./routers/segments";
import { systemRouter } from "./routers/system";
import { router } from "./trpc";

export const appRouter = router({
  segments: segmentsRouter,
  runs: runsRouter,
  system: systemRouter,
});

/** The only thing the browser imports from the server: a type. */
export type AppRouter = typeof appRouter;
