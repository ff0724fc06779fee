// Docker cannot run on these machines, so the deployment files are checked
// statically: the services, commands, files and environment variables they
// name must exist in the project, and each process's environment must pass the
// app's own startup validation.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENV_DOCS, parseConfig } from "../../src/server/config/env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

type Service = {
  build?: unknown;
  image?: string;
  ports?: string[];
  expose?: (string | number)[];
  environment?: Record<string, unknown> | string[];
  healthcheck?: { test?: string | string[] };
  depends_on?: Record<string, { condition?: string }> | string[];
  volumes?: string[];
  command?: string | string[];
  stop_grace_period?: string;
};
// merge: the services share their environment through a YAML anchor (`<<: *llmteam-env`), as Compose reads it.
const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const dockerfile = read("Dockerfile");
const packageJson = JSON.parse(read("package.json")) as { scripts: Record<string, string> };

function envOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((e) => [e.split("=")[0]!, e.slice(e.indexOf("=") + 1)]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v ?? "")]));
}
const healthcheckText = (service: Service) => [service.healthcheck?.test ?? []].flat().join(" ");
const commandOf = (service: Service) => (typeof service.command === "string" ? service.command.split(/\s+/) : (service.command ?? []));

/** What `docker compose up` hands the process: `${X:-default}` → default, `${X:?msg}` (required) → a sample value. */
const requiredSamples: Record<string, string> = { LLMTEAM_SECRET: "0123456789abcdef0123456789abcdef" };
function interpolated(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([name, value]) => [
      name,
      value.replace(/\$\{(\w+)(?::?([-?])([^}]*))?\}/g, (_m, variable: string, op: string | undefined, arg: string) => {
        if (op === "-") return arg;
        const sample = requiredSamples[variable];
        if (sample === undefined) throw new Error(`${name}: no sample value for the required \${${variable}}`);
        return sample;
      }),
    ]),
  );
}

/** Compose durations: 30s, 1m30s, 500ms. */
function durationMs(text: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|us|h|m|s)/g)];
  expect(parts.map((p) => p[0]).join(""), `duration ${text}`).toBe(text);
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * units[unit!]!, 0);
}

/** The .ts/.mjs/.js entry a command runs, through `npm run <script>` when it names one. */
function entryOf(args: string[]): string | undefined {
  const npmRun = args[0] === "npm" && args[1] === "run" ? args[2] : undefined;
  if (npmRun) return entryOf(packageJson.scripts[npmRun]?.split(/\s+/) ?? []);
  return args.find((a) => /\.(ts|mjs|js)$/.test(a));
}

/** Dockerfile instructions, with line continuations joined. */
const instructions = dockerfile
  .replace(/\\\r?\n/g, " ")
  .split(/\r?\n/)
  .map((l) => l.trim())
  .filter((l) => l !== "" && !l.startsWith("#"));
const cmdArgs = (): string[] => JSON.parse(instructions.filter((l) => /^CMD\s/i.test(l)).at(-1)!.replace(/^CMD\s+/i, "")) as string[];
/** Defaults from src/server/config/env.ts, so a changed default shows up here. */
const defaults = parseConfig({});

describe("docker-compose.yml", () => {
  const { app, worker, postgres, redis } = compose.services;
  /** The processes built from this repository (the web and the workers). */
  const ours = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);

  it("has the app, worker, postgres and redis services", () => {
    expect(app).toBeDefined();
    expect(worker).toBeDefined();
    expect(postgres).toBeDefined();
    expect(redis).toBeDefined();
    expect(app!.build).toBeDefined();
    expect(worker!.build, "the worker runs the app's image").toEqual(app!.build);
    expect(postgres!.image).toMatch(/^postgres:16/);
    expect(redis!.image).toMatch(/^redis:7/);
  });

  it("publishes the app on port 3000", () => {
    expect(app!.ports).toContain("3000:3000");
  });

  it("publishes no host port for the worker, so `--scale worker=N` works", () => {
    expect(worker!.ports ?? []).toEqual([]);
  });

  it("checks every service's health: the app at /api/v1/health, postgres with pg_isready, redis with redis-cli ping", () => {
    for (const [name, service] of Object.entries(compose.services)) expect(healthcheckText(service), name).not.toBe("");
    expect(healthcheckText(app!)).toContain("/api/v1/health");
    expect(healthcheckText(postgres!)).toContain("pg_isready");
    expect(healthcheckText(redis!)).toMatch(/redis-cli.*ping/);
  });

  it("checks the worker's health at /healthz on the default LLMTEAM_WORKER_METRICS_PORT", () => {
    const port = interpolated(envOf(worker!)).LLMTEAM_WORKER_METRICS_PORT ?? String(defaults.workerMetricsPort);
    expect(port).toBe("9464");
    expect(healthcheckText(worker!)).toContain(`127.0.0.1:${port}/healthz`);
  });

  it("starts the app and the workers after postgres and redis are healthy", () => {
    for (const service of [app!, worker!]) {
      expect(service.depends_on).toMatchObject({ postgres: { condition: "service_healthy" }, redis: { condition: "service_healthy" } });
    }
    for (const [name, service] of Object.entries(compose.services)) {
      expect(Array.isArray(service.depends_on), `${name}: depends_on as a list waits for nothing`).toBe(false);
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(condition, `${name} → ${dependency}`).toBe("service_healthy");
        expect(compose.services[dependency]?.healthcheck, `${dependency} has no healthcheck`).toBeDefined();
      }
    }
  });

  it("sets only environment variables the app knows (ENV_DOCS in src/server/config/env.ts)", () => {
    const known = Object.keys(ENV_DOCS);
    for (const [name, service] of Object.entries(compose.services)) {
      const unknown = Object.keys(envOf(service)).filter((v) => !known.includes(v) && !(name === "postgres" && v.startsWith("POSTGRES_")));
      expect(unknown, name).toEqual([]);
    }
  });

  it("gives each of our processes an environment that passes the app's startup validation", () => {
    for (const [name, service] of ours) expect(() => parseConfig(interpolated(envOf(service))), name).not.toThrow();
  });

  it("requires LLMTEAM_SECRET instead of shipping a default", () => {
    for (const [name, service] of ours) expect(envOf(service).LLMTEAM_SECRET, name).toMatch(/^\$\{LLMTEAM_SECRET:\?.+\}$/);
  });

  it("gives the app and the workers the same database, Redis (and queue prefix), secret, public URL and LLM refs", () => {
    const shared = ["NODE_ENV", "DATABASE_URL", "REDIS_URL", "LLMTEAM_QUEUE_PREFIX", "LLMTEAM_SECRET", "LLMTEAM_AUTH", "LLMTEAM_PUBLIC_URL", "LLMTEAM_LLMS"];
    const pick = (service: Service) => Object.fromEntries(shared.map((v) => [v, envOf(service)[v]]));
    expect(pick(app!).DATABASE_URL).toBeDefined();
    expect(pick(app!).REDIS_URL).toBeDefined();
    expect(pick(worker!)).toEqual(pick(app!));
  });

  it("points DATABASE_URL at the postgres service with its credentials", () => {
    const url = new URL(envOf(app!).DATABASE_URL!);
    const pg = envOf(postgres!);
    expect(url.hostname).toBe("postgres");
    expect(decodeURIComponent(url.username)).toBe(pg.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(pg.POSTGRES_PASSWORD);
    expect(url.pathname.slice(1)).toBe(pg.POSTGRES_DB);
  });

  it("points REDIS_URL at the redis service, which keeps an append-only file in a volume", () => {
    const url = new URL(envOf(app!).REDIS_URL!);
    expect(url.protocol).toBe("redis:");
    expect(url.hostname).toBe("redis");
    expect(url.port || "6379").toBe("6379");
    expect(commandOf(redis!).join(" ")).toMatch(/--appendonly yes/);
    expect(redis!.volumes?.some((v) => v.endsWith(":/data"))).toBe(true);
  });

  it("leaves the steps to the workers by default (LLMTEAM_WORKERS=0 on the web)", () => {
    expect(envOf(app!).LLMTEAM_WORKERS).toBe("${LLMTEAM_WORKERS:-0}");
    expect(parseConfig(interpolated(envOf(app!))).workers).toBe(0);
  });

  it("runs a worker entry point that exists, with node as PID 1 so SIGTERM reaches it", () => {
    const args = commandOf(worker!);
    const npmRun = args[0] === "npm" && args[1] === "run" ? args[2] : undefined;
    if (npmRun) expect(Object.keys(packageJson.scripts), `npm run ${npmRun}`).toContain(npmRun);
    const entry = entryOf(args);
    expect(entry, `command ${args.join(" ")} names no script file`).toBeDefined();
    expect(existsSync(path.join(root, entry!)), entry).toBe(true);
    // npm and npx do not pass SIGTERM on to the process they start: the grace period would never run.
    expect(args[0]).toBe("node");
  });

  it("waits longer than LLMTEAM_SHUTDOWN_GRACE_SECONDS before killing a stopping worker", () => {
    const graceMs = parseConfig(interpolated(envOf(worker!))).shutdownGraceMs;
    expect(worker!.stop_grace_period, "stop_grace_period (Docker's default 10s is not enough)").toBeDefined();
    expect(durationMs(worker!.stop_grace_period!)).toBeGreaterThan(graceMs);
  });

  it("declares the volumes the services mount", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      const named = (service.volumes ?? []).map((v) => v.split(":")[0]!).filter((v) => !v.startsWith(".") && !v.startsWith("/"));
      for (const volume of named) expect(Object.keys(compose.volumes ?? {}), `${name}: ${volume}`).toContain(volume);
    }
    expect(Object.keys(compose.volumes ?? {})).toEqual(expect.arrayContaining(["pgdata", "redisdata"]));
  });
});

describe("Dockerfile", () => {
  it("runs the web entry point, which exists, with node as PID 1 so SIGTERM reaches it", () => {
    expect(instructions.some((l) => /^CMD\s/i.test(l))).toBe(true);
    const args = cmdArgs();
    const entry = entryOf(args);
    expect(entry, `CMD ${args.join(" ")} names no script file`).toBeDefined();
    expect(entry).toBe("src/server/main.ts");
    expect(existsSync(path.join(root, entry!)), entry).toBe(true);
    expect(args[0], "npm and npx do not pass SIGTERM on").toBe("node");
  });

  it("has a HEALTHCHECK on /api/v1/health, runs as node and exposes the web's and the worker's ports", () => {
    expect(instructions.find((l) => /^HEALTHCHECK\s/i.test(l))).toContain("/api/v1/health");
    expect(instructions.at(-1)).toMatch(/^CMD\s/);
    expect(instructions).toContain("USER node");
    const exposed = instructions.filter((l) => /^EXPOSE\s/i.test(l)).flatMap((l) => l.split(/\s+/).slice(1));
    expect(exposed).toEqual(expect.arrayContaining([String(defaults.port), String(defaults.workerMetricsPort)]));
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
