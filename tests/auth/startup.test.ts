// Starting a production server on PostgreSQL with access control on but no LLMTEAM_SECRET stops
// at once, naming the variable, before anything listens.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/test-database";

const dataDir = tempDir("llmteam-auth-startup-");
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("startup with LLMTEAM_AUTH=on in production", () => {
  it("missing-secret: exits 1 with a message naming LLMTEAM_SECRET", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/tmp",
        NODE_ENV: "production",
        LLMTEAM_DATA_DIR: dataDir,
        PORT: "0",
        // Startup stops at the configuration, before connecting: the address is never dialled.
        DATABASE_URL: "postgres://127.0.0.1:1/never",
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    const out = `${result.stdout}${result.stderr}`;
    expect(result.status).toBe(1);
    expect(out).toContain("LLMTeam could not start: Invalid configuration:");
    expect(out).toMatch(/LLMTEAM_SECRET: required in production with LLMTEAM_AUTH=on and DATABASE_URL/);
    expect(out).not.toMatch(/\n\s+at /);
  });
});
