/**
 * Writes docs/contracts/segment.schema.json from the zod segment contract.
 *   npx tsx scripts/gen-json-schema.ts           regenerate the file
 *   npx tsx scripts/gen-json-schema.ts --check   exit 1 if the committed file is out of date
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { segmentJsonSchema } from "../src/shared/segment/json-schema";

const target = fileURLToPath(new URL("../docs/contracts/segment.schema.json", import.meta.url));
const text = `${JSON.stringify(segmentJsonSchema(), null, 2)}\n`;

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // missing counts as out of date
  }
  if (current !== text) {
    console.error(`${target} is out of date: run npx tsx scripts/gen-json-schema.ts`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
