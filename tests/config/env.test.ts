import path from "node:path";
import { describe, expect, it } from "vitest";
import packageJson from "../../package.json";
import { ConfigError, ENV_DOCS, getConfig, parseConfig } from "../../src/server/config/env";

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("defaults give a local development server on the embedded database", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      nodeEnv: "development",
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: path.resolve(".data"),
      auth: "off",
      seedExamples: true,
      publicUrl: "http://localhost:3000",
      redisUrl: undefined,
    });
  });

  it("production listens on all interfaces and turns auth on by default", () => {
    expect(parseConfig({ NODE_ENV: "production", LLMTEAM_SECRET: "0123456789abcdef0123" })).toMatchObject({ host: "0.0.0.0", auth: "on" });
    expect(parseConfig({ NODE_ENV: "production", LLMTEAM_AUTH: "off" }).auth).toBe("off");
  });

  it("production-without-secret: auth on in production with PostgreSQL and no LLMTEAM_SECRET stops startup naming it", () => {
    const problems = problemsOf({ NODE_ENV: "production", DATABASE_URL: "postgres://db.example/llmteam" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^LLMTEAM_SECRET: required in production with LLMTEAM_AUTH=on and DATABASE_URL/);
    // The embedded database keeps a generated secret beside its data: `npm start` needs nothing.
    expect(parseConfig({ NODE_ENV: "production" }).auth).toBe("on");
    // Development and auth off keep the generated secret.
    expect(parseConfig({ NODE_ENV: "production", LLMTEAM_AUTH: "off" }).secret).toBeUndefined();
    expect(parseConfig({ LLMTEAM_AUTH: "on" }).auth).toBe("on");
  });

  it("owner-env-pair: the owner email and password come together, and neither is echoed", () => {
    expect(problemsOf({ LLMTEAM_OWNER_EMAIL: "a@example.com" })).toEqual([
      "LLMTEAM_OWNER_PASSWORD: required with LLMTEAM_OWNER_EMAIL (set both or neither)",
    ]);
    expect(problemsOf({ LLMTEAM_OWNER_EMAIL: "a@example.com", LLMTEAM_OWNER_PASSWORD: "short" })).toEqual([
      "LLMTEAM_OWNER_PASSWORD: must be at least 8 characters",
    ]);
    expect(problemsOf({ LLMTEAM_BOOTSTRAP_API_KEY: "tiny" })).toEqual(["LLMTEAM_BOOTSTRAP_API_KEY: must be at least 24 characters"]);
    const config = parseConfig({ LLMTEAM_OWNER_EMAIL: " Owner@Example.com ", LLMTEAM_OWNER_PASSWORD: "long enough" });
    expect(config.owner).toEqual({ email: "owner@example.com", password: "long enough" });
  });

  it("blank values count as unset", () => {
    expect(parseConfig({ PORT: "", DATABASE_URL: "" })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it("each wrong value is reported naming its variable, all at once", () => {
    const problems = problemsOf({ PORT: "eighty", LLMTEAM_AUTH: "maybe", DATABASE_URL: "mysql://db", NODE_ENV: "staging" });
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith("PORT:"))).toContain('(got "eighty")');
    expect(problems.some((p) => p.startsWith("LLMTEAM_AUTH:"))).toBe(true);
    expect(problems.some((p) => p.startsWith("NODE_ENV:"))).toBe(true);
    expect(problems.find((p) => p.startsWith("DATABASE_URL:"))).toBe("DATABASE_URL: must be a postgres:// or postgresql:// URL");
  });

  it("a secret that is too short is refused without echoing it", () => {
    const problems = problemsOf({ LLMTEAM_SECRET: "short-secret" });
    expect(problems).toEqual(["LLMTEAM_SECRET: must be at least 16 characters"]);
  });

  it("?schema= on DATABASE_URL is accepted and the public URL loses its trailing slash", () => {
    const config = parseConfig({
      DATABASE_URL: "postgresql://u:p@db:5432/llmteam?schema=tenant_a",
      LLMTEAM_PUBLIC_URL: "https://canvas.example.com/",
    });
    expect(config.databaseUrl).toBe("postgresql://u:p@db:5432/llmteam?schema=tenant_a");
    expect(config.publicUrl).toBe("https://canvas.example.com");
  });

  it("reports the package version", () => {
    expect(getConfig().version).toBe(packageJson.version);
  });

  it("the README documents every variable", async () => {
    const { readFile } = await import("node:fs/promises");
    const readme = await readFile("README.md", "utf8");
    for (const name of Object.keys(ENV_DOCS)) expect(readme, `README lacks ${name}`).toContain(`\`${name}\``);
  });
});
