/**
 * subsegment: runs another segment as a child run (same root_run_id, parent_run_id = this run)
 * and outputs the child's output. The step stays running while the child runs; the child's
 * status changes wake this run. Cancel and pause carry down (see run-lifecycle).
 */
import { subsegmentConfigSchema } from "../../shared/catalog";
import { StepError } from "../errors";
import { throwIfChildFailed, totalUsage } from "./children";
import { complete, defineHandler } from "./types";

export const subsegmentHandler = defineHandler({
  type: "subsegment",
  config: subsegmentConfigSchema,
  async start(ctx) {
    const { config } = ctx;
    const input = config.input === undefined ? ctx.input : ((await ctx.evaluate(config.input)) ?? null);
    return {
      kind: "suspend",
      children: [{ key: "0", segment_id: config.segment_id, ...(config.revision === undefined ? {} : { revision: config.revision }), input }],
    };
  },
  async resume(ctx) {
    const children = ctx.resume?.children ?? [];
    const child = children[0];
    if (!child) throw new StepError("step_error", "the child run of this step is missing", { retryable: false });
    throwIfChildFailed(children);
    if (child.status === "completed") return complete(child.output, { usage: totalUsage(children) });
    return { kind: "suspend" };
  },
});
