import type { RunDetail } from "../../../shared/resources/run-detail";
import type { RunServiceContext } from "../context";
import { engineCall } from "./engine-errors";
import { getRun } from "./get-run";

export type RunControlAction = "cancel" | "pause" | "resume";

/**
 * Cancel (cascades to child runs), pause (steps in flight finish, nothing new
 * starts) or resume a run. A state that doesn't allow it is a conflict.
 */
export async function controlRun(
  ctx: RunServiceContext,
  input: { run_id: string; action: RunControlAction },
): Promise<RunDetail> {
  await engineCall(() => ctx.engine[input.action](input.run_id));
  return getRun(ctx, input);
}
