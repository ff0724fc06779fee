import { tryStepInputSchema, tryStepResultSchema } from "../../../shared/resources/try-step";
import { tryStep } from "../../services/try-step";
import { procedure, router } from "../trpc";

export const stepsRouter = router({
  /** A mutation: trying a step may call an LLM or an HTTP endpoint. */
  try: procedure
    .input(tryStepInputSchema)
    .output(tryStepResultSchema)
    .mutation(({ ctx, input }) => tryStep({ ...ctx.services, llms: ctx.app.config.llms }, input)),
});
