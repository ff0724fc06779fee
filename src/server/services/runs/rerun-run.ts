import type { RunDetail } from "../../../shared/resources/run-detail";
import type { RunServiceContext } from "../context";
import { engineCall } from "./engine-errors";
import { getRun } from "./get-run";
import { assertRunsCanStart } from "./queue-admission";

/**
 * Runs a finished run again as a new run of the same revision. With
 * `from_step`, the outputs of steps not downstream of it are reused (they do
 * not execute again) and `input` optionally replaces the run input; without
 * it, the whole segment runs again with `input` or else the same run input.
 */
export async function rerunRun(
  ctx: RunServiceContext,
  input: { run_id: string; from_step?: string | undefined; input?: unknown; correlation_id?: string | undefined },
): Promise<RunDetail> {
  assertRunsCanStart();
  const previous = await getRun(ctx, input);
  const run = await engineCall(() =>
    input.from_step
      ? ctx.engine.rerunFrom(input.run_id, input.from_step, input.input, {
          ...(input.correlation_id ? { correlation_id: input.correlation_id } : {}),
          created_by: ctx.principal.id,
        })
      : ctx.engine.start({
          segment_id: previous.segment_id,
          revision: previous.revision,
          input: input.input === undefined ? previous.input : input.input,
          ...(input.correlation_id ? { correlation_id: input.correlation_id } : {}),
          created_by: ctx.principal.id,
        }),
  );
  return getRun(ctx, { run_id: run.run_id });
}
