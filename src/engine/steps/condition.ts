/**
 * condition: a JSONata expression, read as a boolean (JSONata truthiness, like `$boolean`).
 * The output is that boolean and leaves through the `true` or `false` port; edges with
 * `from_port` route on it.
 */
import { conditionConfigSchema, PORT_FALSE, PORT_TRUE } from "../../shared/catalog";
import { isTruthy } from "../expressions/evaluate";
import { complete, defineHandler } from "./types";

export const conditionHandler = defineHandler({
  // Chooses a port from the input: nothing leaves the run.
  pure: true,
  type: "condition",
  config: conditionConfigSchema,
  async start(ctx) {
    const value = isTruthy(await ctx.evaluate(ctx.config.expression));
    return complete(value, { port: value ? PORT_TRUE : PORT_FALSE });
  },
});
