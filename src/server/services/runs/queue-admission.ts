import { peekAppContext } from "../../app-context";
import { AppError } from "../errors";

/**
 * Queue mode: a run can only start while Redis takes its jobs. Refuses with `unavailable` (503)
 * before anything is written, so a refused start leaves nothing behind; runs already started
 * continue once Redis is back (their state is in PostgreSQL).
 */
export function assertRunsCanStart(): void {
  const queue = peekAppContext()?.queue;
  if (queue && !queue.ready()) {
    throw new AppError(
      "unavailable",
      "Runs cannot start right now: the run queue (Redis) is unreachable. Try again shortly; runs already started continue when it is back.",
    );
  }
}
