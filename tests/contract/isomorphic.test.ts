import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dir = new URL("../../src/shared/segment/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

describe("src/shared/segment stays isomorphic", () => {
  it.each(files)("%s imports only zod and its own folder (no node:*, next, react, prisma)", (file) => {
    const source = readFileSync(new URL(file, dir), "utf8");
    const imports = [...source.matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec === "zod" || spec?.startsWith("./"), `${file}: ${spec}`).toBe(true);
  });
});
