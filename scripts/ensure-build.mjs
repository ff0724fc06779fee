// Builds the Next.js app only when its inputs changed since the last build.
// The inputs' hash (paths + contents of src/, public/, the Next/PostCSS/TS
// configs and package-lock.json, plus NEXT_PUBLIC_* variables, which the build
// inlines) is kept in .next/llmteam-build-hash. `--force` always builds.
// Prints one line saying whether it built or reused; exits non-zero when the
// build fails.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextDir = path.join(root, ".next");
const hashFile = path.join(nextDir, "llmteam-build-hash");
const force = process.argv.includes("--force");

const INPUT_DIRS = ["src", "public"];
const INPUT_FILES = [
  "next.config.js",
  "next.config.mjs",
  "next.config.ts",
  "postcss.config.mjs",
  "postcss.config.js",
  "postcss.config.cjs",
  "package-lock.json",
  "tsconfig.json",
];
/** Tests are never bundled: editing one does not need a rebuild. */
const isTestFile = (name) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(name);

/** Regular files under dir, as sorted paths relative to root. */
function walk(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) walk(rel, out);
    else if (entry.isFile() && !isTestFile(entry.name)) out.push(rel);
  }
  return out;
}

function inputsHash() {
  const hash = createHash("sha256");
  const files = [...INPUT_DIRS.flatMap((d) => walk(d)), ...INPUT_FILES.filter((f) => existsSync(path.join(root, f)))].sort();
  for (const file of files) {
    hash.update(`${file}\0${statSync(path.join(root, file)).size}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  for (const [name, value] of Object.entries(process.env).sort(([a], [b]) => a.localeCompare(b))) {
    if (name.startsWith("NEXT_PUBLIC_")) hash.update(`env:${name}=${value}\0`);
  }
  return { digest: hash.digest("hex"), count: files.length };
}

const { digest, count } = inputsHash();
const short = digest.slice(0, 12);
const previous = existsSync(hashFile) ? readFileSync(hashFile, "utf8").trim() : undefined;
const haveBuild = existsSync(path.join(nextDir, "BUILD_ID"));

if (!force && haveBuild && previous === digest) {
  console.log(`ensure-build: reused the existing .next build (inputs unchanged, ${count} files, hash ${short})`);
  process.exit(0);
}

const reason = force ? "--force" : !haveBuild ? "no .next/BUILD_ID" : previous ? "inputs changed" : "no recorded build hash";
console.log(`ensure-build: building (${reason}): npx next build`);
const started = Date.now();
const result = spawnSync("npx", ["next", "build"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);

if (result.status !== 0 || !existsSync(path.join(nextDir, "BUILD_ID"))) {
  rmSync(hashFile, { force: true });
  const why = result.error ? result.error.message : result.signal ? `signal ${result.signal}` : `exit code ${result.status}`;
  console.error(`ensure-build: next build FAILED after ${seconds}s (${why})`);
  process.exit(result.status || 1);
}
writeFileSync(hashFile, `${digest}\n`);
console.log(`ensure-build: built .next in ${seconds}s (${count} input files, hash ${short})`);
