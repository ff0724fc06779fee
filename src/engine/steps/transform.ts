/** transform: the value of a JSONata expression over `{input, steps, step_input}` is the output. */
import { transformConfigSchema } from "../../shared/catalog";
import { complete, defineHandler } from "./types";

export const transformHandler = defineHandler({
  // An expression over the step's input: nothing leaves the run.
  pure: true,
  type: "transform",
  config: transformConfigSchema,
  async start(ctx) {
    return complete((await ctx.evaluate(ctx.config.expression)) ?? null);
  },
});
