import type { RunDetail } from "../../../shared/resources/run-detail";
import type { RunServiceContext } from "../context";
import { notFound } from "../errors";

export async function getRun(ctx: RunServiceContext, input: { run_id: string }): Promise<RunDetail> {
  const detail = await ctx.engine.getRun(input.run_id);
  if (!detail) throw notFound(`Run "${input.run_id}"`);
  return detail;
}
