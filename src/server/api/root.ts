import { authRouter } from "./routers/auth";
import { approvalLinksRouter } from "./routers/approval-links";
import { approvalsRouter } from "./routers/approvals";
import { runsRouter } from "./routers/runs";
import { schedulesRouter } from "./routers/schedules";
import { segmentsRouter } from "./routers/segments";
import { stepsRouter } from "./routers/steps";
import { systemRouter } from "./routers/system";
import { webhooksRouter } from "./routers/webhooks";
import { router } from "./trpc";

export const appRouter = router({
  segments: segmentsRouter,
  steps: stepsRouter,
  runs: runsRouter,
  approvals: approvalsRouter,
  approvalLinks: approvalLinksRouter,
  system: systemRouter,
  auth: authRouter,
  webhooks: webhooksRouter,
  schedules: schedulesRouter,
});

/** The only thing the browser imports from the server: a type. */
export type AppRouter = typeof appRouter;
