import { describe, expect, it } from "vitest";
import { formatDuration, formatRelativeTime } from "./format-time";

const now = Date.parse("2026-03-10T12:00:00Z");

describe("formatRelativeTime", () => {
  it("says just now for the last few seconds and the near future", () => {
    expect(formatRelativeTime(now - 10_000, now)).toBe("just now");
    expect(formatRelativeTime(now + 10_000, now)).toBe("just now");
  });
  it("counts minutes, hours and days", () => {
    expect(formatRelativeTime(now - 5 * 60_000, now)).toBe("5 minutes ago");
    expect(formatRelativeTime(now - 3 * 3_600_000, now)).toBe("3 hours ago");
    expect(formatRelativeTime(now - 24 * 3_600_000, now)).toBe("yesterday");
    expect(formatRelativeTime(now - 4 * 86_400_000, now)).toBe("4 days ago");
  });
  it("shows a date for older times, with the year only when it differs", () => {
    expect(formatRelativeTime("2026-01-02T12:00:00Z", now)).toBe("Jan 2");
    expect(formatRelativeTime("2024-01-02T12:00:00Z", now)).toBe("Jan 2, 2024");
  });
  it("does not crash on an invalid date", () => {
    expect(formatRelativeTime("not a date", now)).toBe("—");
  });
});

describe("formatDuration", () => {
  it.each([
    [850, "850ms"],
    [4_200, "4.2s"],
    [42_000, "42s"],
    [185_000, "3m 05s"],
    [7_440_000, "2h 04m"],
    [266_400_000, "3d 2h"],
  ])("%d ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
  it("rejects negative and non-finite values", () => {
    expect(formatDuration(-1)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
  });
});
