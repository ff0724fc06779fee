// Makes sure a Chromium for Playwright exists (`npx playwright install` cannot
// download browsers here) and that some font is installed, so screenshots
// show text instead of empty boxes. Installs Debian's packages when running as
// root on Debian/Ubuntu; otherwise says what to install and exits 1.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";

// Same order as playwright.config.ts: an explicit CHROME_PATH is the only candidate.
const CANDIDATES = process.env.CHROME_PATH
  ? [process.env.CHROME_PATH]
  : ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const FONT_PACKAGES = ["fonts-dejavu-core", "fonts-liberation"];

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const findChromium = () => CANDIDATES.find(executable);
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = existsSync("/usr/bin/apt-get");

/** Font files fontconfig knows; undefined when fc-list is not installed. */
function fontCount() {
  const result = spawnSync("fc-list", [], { encoding: "utf8" });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.split("\n").filter((line) => line.trim() !== "").length;
}

let aptUpdated = false;
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    console.log("ensure-chromium: apt-get update");
    const update = spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    if (update.status !== 0) return false;
    aptUpdated = true;
  }
  console.log(`ensure-chromium: apt-get install -y --no-install-recommends ${packages.join(" ")}`);
  const install = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { stdio: "inherit", env });
  return install.status === 0;
}

function fail(lines) {
  for (const line of lines) console.error(`ensure-chromium: ${line}`);
  process.exit(1);
}

// --- Chromium ---
let chromium = findChromium();
if (chromium) {
  console.log(`ensure-chromium: using ${chromium}`);
} else if (process.env.CHROME_PATH) {
  fail([`CHROME_PATH=${process.env.CHROME_PATH} is not an executable file: fix it or unset it.`]);
} else if (isRoot && hasApt) {
  console.log("ensure-chromium: no Chromium found; installing Debian's chromium package");
  if (!aptInstall(["chromium", "fonts-dejavu-core"])) fail(["apt-get install chromium failed (see above)."]);
  chromium = findChromium();
  if (!chromium) fail(["chromium was installed but no executable was found at /usr/bin/chromium."]);
  console.log(`ensure-chromium: installed ${chromium}`);
} else {
  fail([
    "no Chromium found (looked at CHROME_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome).",
    "Install one, e.g.:  sudo apt-get install chromium fonts-dejavu-core",
    "or point CHROME_PATH at a Chromium/Chrome executable.",
  ]);
}

// --- Chromium actually starts (missing shared libraries show up here) ---
const version = spawnSync(chromium, ["--version"], { encoding: "utf8" });
if (version.status !== 0) {
  fail([`${chromium} --version failed: ${(version.stderr || version.error?.message || "").trim()}`]);
}
console.log(`ensure-chromium: ${version.stdout.trim()}`);

// --- Fonts ---
let fonts = fontCount();
if (fonts === undefined || fonts === 0) {
  if (isRoot && hasApt) {
    console.log("ensure-chromium: no fonts found; installing fonts-dejavu-core");
    if (!aptInstall(["fontconfig", "fonts-dejavu-core"])) fail(["apt-get install fonts-dejavu-core failed (see above)."]);
    fonts = fontCount();
    if (!fonts) fail(["fonts-dejavu-core was installed but fc-list still lists no fonts."]);
  } else if (fonts === 0) {
    fail([`no fonts installed: screenshots would show empty boxes. Install one: sudo apt-get install ${FONT_PACKAGES.join(" or ")}`]);
  } else {
    console.warn(`ensure-chromium: fc-list is not available, cannot check fonts (install fontconfig and ${FONT_PACKAGES[0]}).`);
  }
}
if (fonts) console.log(`ensure-chromium: ${fonts} font files available`);
