import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinCatalog } from "../../src/shared/catalog";
import { DOC_PATH, renderCatalogSection, replaceMarkedSection } from "../../scripts/gen-catalog-docs";

const doc = readFileSync(DOC_PATH, "utf8");

describe("docs/contracts/step-catalog.md", () => {
  it("its generated section matches the catalog (regenerate: npx tsx scripts/gen-catalog-docs.ts)", () => {
    expect(doc).toBe(replaceMarkedSection(doc, renderCatalogSection()));
  });

  it("documents every built-in type and every config key with its default", () => {
    for (const type of builtinCatalog.describe()) {
      expect(doc).toContain(`### \`${type.type_id}\``);
      for (const key of Object.keys((type.config_schema as { properties: object }).properties)) {
        expect(doc).toContain(`| \`${key}\` |`);
      }
    }
    expect(doc).toMatch(/\| `temperature` \| number, 0–2 \| `0\.7` \|/);
    expect(doc).toMatch(/\| `on_reject` \| .* \| `"continue"` \|/);
  });

  it("refuses to write a doc without its markers", () => {
    expect(() => replaceMarkedSection("# no markers", "x")).toThrow(/markers/);
  });
});
