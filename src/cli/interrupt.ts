// Ctrl-C while waiting for a run: the first one cancels the run (the command then prints the
// cancelled run and exits 1), a second one gives up waiting (the run stays as it is).
import { err } from "./io";

export class Interrupted extends Error {
  constructor() {
    super("interrupted");
    this.name = "Interrupted";
  }
}

export async function interruptCancels<T>(wait: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let rejectWait: (error: Error) => void = () => {};
  const gaveUp = new Promise<never>((_, reject) => (rejectWait = reject));
  const onSignal = () => {
    if (!controller.signal.aborted) {
      err("llmteam: interrupted; cancelling the run (Ctrl-C again to stop waiting)");
      controller.abort();
    } else {
      rejectWait(new Interrupted());
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await Promise.race([wait(controller.signal), gaveUp]);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** Exit code after a second interrupt (128 + SIGINT). */
export const INTERRUPTED_EXIT = 130;
