import { describe, expect, it } from "vitest";
import { runDuration, shortRunId } from "./run-display";

describe("shortRunId", () => {
  it("takes the random end of a UUIDv7, not its timestamp prefix", () => {
    expect(shortRunId("0193a4c2-7d3e-7abc-9f1e-4b2c3f9a2c1b")).toBe("3f9a2c1b");
  });
  it("leaves short ids alone", () => {
    expect(shortRunId("run1")).toBe("run1");
  });
});

describe("runDuration", () => {
  const now = Date.parse("2026-03-10T12:00:00Z");
  it("is empty before the run starts", () => {
    expect(runDuration({ started_at: null, finished_at: null }, now)).toBeNull();
  });
  it("measures finished runs and counts running ones up to now", () => {
    expect(runDuration({ started_at: "2026-03-10T11:59:00Z", finished_at: "2026-03-10T11:59:04.200Z" }, now)).toBe("4.2s");
    expect(runDuration({ started_at: "2026-03-10T11:57:00Z", finished_at: null }, now)).toBe("3m 00s");
  });
});
