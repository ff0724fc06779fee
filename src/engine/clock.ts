/** The real clock: wall time and (unref'd) timers. Tests use testing/FakeClock. */
import type { Clock } from "./ports";

/** setTimeout fires at once for delays above 2^31-1 ms (~24.8 days): longer waits hop. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer(ms, callback) {
    const due = Date.now() + Math.max(0, ms);
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      const left = due - Date.now();
      timer = setTimeout(left > MAX_TIMER_MS ? arm : callback, Math.min(Math.max(0, left), MAX_TIMER_MS));
      (timer as { unref?: () => void }).unref?.();
    };
    arm();
    return () => clearTimeout(timer);
  },
};
