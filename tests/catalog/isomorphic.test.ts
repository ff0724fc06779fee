import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const ALLOWED_PACKAGES = new Set(["zod", "jsonata"]);
const folders = ["catalog", "catalog/steps", "validation"];

const files = folders.flatMap((folder) => {
  const dir = new URL(`../../src/shared/${folder}/`, import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => ({ name: `${folder}/${f}`, url: new URL(f, dir) }));
});

describe("src/shared/catalog and src/shared/validation stay isomorphic", () => {
  it.each(files.map((f) => [f.name, f.url] as const))(
    "%s imports only zod, jsonata and src/shared (no node:*, next, react, prisma, server)",
    (name, url) => {
      const source = readFileSync(url, "utf8");
      const imports = [
        ...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/gm),
        ...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
      ].map((m) => m[1]!);
      for (const spec of imports) {
        const ok = ALLOWED_PACKAGES.has(spec) || (spec.startsWith(".") && !/\.\.\/\.\.\/\.\./.test(spec) && !/\/(server|engine|features|app)\//.test(spec));
        expect(ok, `${name}: ${spec}`).toBe(true);
      }
    },
  );
});
