// Docker cannot run on these machines, so the deployment files are checked
// statically: the services, commands, files and environment variables they
// name must exist in the project.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENV_DOCS } from "../../src/server/config/env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

type Service = {
  build?: unknown;
  image?: string;
  ports?: string[];
  environment?: Record<string, unknown> | string[];
  healthcheck?: { test?: string | string[] };
  depends_on?: Record<string, { condition?: string }> | string[];
  volumes?: string[];
  command?: string | string[];
};
const compose = parse(read("docker-compose.yml")) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const dockerfile = read("Dockerfile");
const packageJson = JSON.parse(read("package.json")) as { scripts: Record<string, string> };

function envOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((e) => [e.split("=")[0]!, e.slice(e.indexOf("=") + 1)]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v ?? "")]));
}
const healthcheckText = (service: Service) => [service.healthcheck?.test ?? []].flat().join(" ");

/** Dockerfile instructions, with line continuations joined. */
const instructions = dockerfile
  .replace(/\\\r?\n/g, " ")
  .split(/\r?\n/)
  .map((l) => l.trim())
  .filter((l) => l !== "" && !l.startsWith("#"));

describe("docker-compose.yml", () => {
  const { app, postgres } = compose.services;

  it("has the app and postgres services", () => {
    expect(app).toBeDefined();
    expect(postgres).toBeDefined();
    expect(app!.build).toBeDefined();
    expect(postgres!.image).toMatch(/^postgres:16/);
  });

  it("publishes the app on port 3000", () => {
    expect(app!.ports).toContain("3000:3000");
  });

  it("checks the app's health at /api/v1/health and postgres with pg_isready", () => {
    expect(healthcheckText(app!)).toContain("/api/v1/health");
    expect(healthcheckText(postgres!)).toContain("pg_isready");
  });

  it("starts the app after postgres is healthy", () => {
    expect(app!.depends_on).toMatchObject({ postgres: { condition: "service_healthy" } });
  });

  it("sets only environment variables the app knows (ENV_DOCS in src/server/config/env.ts)", () => {
    const known = Object.keys(ENV_DOCS);
    const unknown = Object.keys(envOf(app!)).filter((name) => !known.includes(name));
    expect(unknown).toEqual([]);
  });

  it("requires LLMTEAM_SECRET instead of shipping a default", () => {
    expect(envOf(app!).LLMTEAM_SECRET).toMatch(/^\$\{LLMTEAM_SECRET:\?.+\}$/);
  });

  it("points DATABASE_URL at the postgres service with its credentials", () => {
    const url = new URL(envOf(app!).DATABASE_URL!);
    const pg = envOf(postgres!);
    expect(url.hostname).toBe("postgres");
    expect(decodeURIComponent(url.username)).toBe(pg.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(pg.POSTGRES_PASSWORD);
    expect(url.pathname.slice(1)).toBe(pg.POSTGRES_DB);
  });

  it("declares the volumes the services mount", () => {
    const named = (postgres!.volumes ?? []).map((v) => v.split(":")[0]!).filter((v) => !v.startsWith(".") && !v.startsWith("/"));
    for (const volume of named) expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });
});

describe("Dockerfile", () => {
  it("runs an entry point that exists", () => {
    const cmd = instructions.filter((l) => /^CMD\s/i.test(l)).at(-1);
    expect(cmd).toBeDefined();
    const args = JSON.parse(cmd!.replace(/^CMD\s+/i, "")) as string[];
    const entry = args.find((a) => /\.(ts|mjs|js)$/.test(a));
    expect(entry, `CMD ${args.join(" ")} names no script file`).toBeDefined();
    expect(existsSync(path.join(root, entry!)), entry).toBe(true);
  });

  it("has a HEALTHCHECK on /api/v1/health, runs as node and exposes 3000", () => {
    expect(instructions.find((l) => /^HEALTHCHECK\s/i.test(l))).toContain("/api/v1/health");
    expect(instructions.at(-1)).toMatch(/^CMD\s/);
    expect(instructions).toContain("USER node");
    expect(instructions).toContain("EXPOSE 3000");
  });

  it("copies only files that exist in the repository (or that the build stage makes)", () => {
    const madeByBuild = new Set(["node_modules", ".next", "public", "."]);
    for (const line of instructions.filter((l) => /^COPY\s/i.test(l))) {
      const parts = line.split(/\s+/).slice(1).filter((p) => !p.startsWith("--"));
      for (const source of parts.slice(0, -1)) {
        const rel = source.replace(/^\/app\/?/, "") || ".";
        if (madeByBuild.has(rel)) continue;
        expect(existsSync(path.join(root, rel)), `${line}: ${rel}`).toBe(true);
      }
    }
  });
});

describe("commands named by the deployment files", () => {
  const texts = { Dockerfile: dockerfile, "docker-compose.yml": read("docker-compose.yml") };

  it.each(Object.entries(texts))("every `npm run <x>` in %s is a package.json script", (_name, text) => {
    for (const [, script] of text.matchAll(/npm run ([\w:.-]+)/g)) {
      expect(Object.keys(packageJson.scripts), `npm run ${script}`).toContain(script);
    }
  });

  it.each(Object.entries(texts))("every `node scripts/<x>` in %s exists", (_name, text) => {
    const found = [...text.matchAll(/node (scripts\/[\w./-]+)/g)].map((m) => m[1]!);
    for (const file of found) expect(existsSync(path.join(root, file)), file).toBe(true);
    if (_name === "Dockerfile") expect(found).toEqual(expect.arrayContaining(["scripts/prisma-generate.mjs", "scripts/ensure-build.mjs"]));
  });
});

describe(".dockerignore", () => {
  it("keeps local state and build output out of the image", () => {
    const ignored = read(".dockerignore")
      .split(/\r?\n/)
      .map((l) => l.trim());
    for (const entry of ["node_modules", ".next", ".data", ".git", "src/server/db/generated", "test-results"]) {
      expect(ignored, entry).toContain(entry);
    }
  });
});
