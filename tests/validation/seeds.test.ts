import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateSegment } from "../../src/shared/validation";

const dir = new URL("../../src/server/seed/examples/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

describe("seeded example segments", () => {
  it("there are examples to check", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)("%s validates with no problems at all", (file) => {
    const result = validateSegment(JSON.parse(readFileSync(new URL(file, dir), "utf8")) as unknown);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
