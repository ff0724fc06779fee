import { afterEach, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../src/engine/clock";

afterEach(() => vi.useRealTimers());

describe("systemClock timers", () => {
  it("a wait longer than setTimeout's 24.8-day limit does not fire early", () => {
    vi.useFakeTimers();
    let fired = false;
    systemClock.setTimer(30 * 24 * 3600 * 1000, () => (fired = true));
    vi.advanceTimersByTime(25 * 24 * 3600 * 1000);
    expect(fired).toBe(false);
    vi.advanceTimersByTime(5 * 24 * 3600 * 1000 + 1);
    expect(fired).toBe(true);
  });

  it("a cancelled timer never fires, also after a hop", () => {
    vi.useFakeTimers();
    let fired = false;
    const cancel = systemClock.setTimer(26 * 24 * 3600 * 1000, () => (fired = true));
    vi.advanceTimersByTime(25 * 24 * 3600 * 1000);
    cancel();
    vi.advanceTimersByTime(2 * 24 * 3600 * 1000);
    expect(fired).toBe(false);
  });
});
