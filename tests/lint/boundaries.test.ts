// Proves the architecture rules in eslint.config.js bite: each case lints a
// snippet as if it lived at a given path and checks for (or against) errors.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** Rule ids of the errors ESLint reports for `code` placed at `file`. */
async function errors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  if (!result) throw new Error("no lint result");
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`parse error in snippet: ${fatal.map((m) => m.message).join("; ")}`);
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? "(none)");
}

describe("engine stays pure", () => {
  it.each([
    [`import { PrismaClient } from "@prisma/client";`, "arch/engine-purity"],
    [`import { NextResponse } from "next/server";`, "arch/engine-purity"],
    [`import { useState } from "react";`, "arch/engine-purity"],
    [`import { Server } from "socket.io";`, "arch/engine-purity"],
    [`import { Queue } from "bullmq";`, "arch/engine-purity"],
    [`import Redis from "ioredis";`, "arch/engine-purity"],
    [`import pg from "pg";`, "arch/engine-purity"],
    [`import pino from "pino";`, "arch/engine-purity"],
    [`import { Counter } from "prom-client";`, "arch/engine-purity"],
    [`import { RateLimiterMemory } from "rate-limiter-flexible";`, "arch/engine-purity"],
    [`import { PGlite } from "@electric-sql/pglite";`, "arch/engine-purity"],
    [`import http from "node:http";`, "arch/engine-purity"],
    [`import https from "https";`, "arch/engine-purity"],
    [`import { startRun } from "@/server/services/start-run";`, "arch/engine-purity"],
    [`import { startRun } from "../server/services/start-run";`, "arch/engine-purity"],
    [`import { startRun } from "../../server/services/start-run";`, "arch/engine-purity"],
    [`import { Canvas } from "@/features/editor/canvas";`, "arch/engine-purity"],
    [`import { Button } from "../components/ui/button";`, "arch/engine-purity"],
    [`import { api } from "@/trpc/react";`, "arch/engine-purity"],
    [`import { x } from "src/app/page";`, "arch/engine-purity"],
    [`export { db } from "@/server/db/client";`, "arch/engine-purity"],
  ])("%s in src/engine is an error", async (code, rule) => {
    expect(await errors("src/engine/runner/x.ts", code)).toContain(rule);
  });

  it("dynamic import() of a forbidden module is an error", async () => {
    expect(await errors("src/engine/x.ts", `export const load = () => import("@prisma/client");`)).toContain(
      "arch/engine-purity",
    );
  });

  it("a clean engine file passes", async () => {
    const code = [
      `import { z } from "zod";`,
      `import { parseSegment } from "@/shared/segment";`,
      `import type { Segment } from "../shared/segment/schema";`,
      `import { nextStep } from "./scheduler";`,
      `export const Options = z.object({ id: z.string() });`,
      `export function run(input: unknown): Segment | undefined {`,
      `  nextStep();`,
      `  return parseSegment(input);`,
      `}`,
    ].join("\n");
    expect(await errors("src/engine/runner.ts", code)).toEqual([]);
  });

  it("packages that only look like forbidden ones are fine", async () => {
    expect(await errors("src/engine/x.ts", `import jsonata from "jsonata";\nimport { nextish } from "nextish";\nexport { jsonata, nextish };`)).toEqual([]);
  });
});

describe("shared runs in the browser", () => {
  it.each([
    [`import next from "next/server";`],
    [`import fs from "node:fs";`],
    [`import { readFile } from "node:fs/promises";`],
    [`import path from "path";`],
    [`import { PrismaClient } from "@prisma/client";`],
    [`import { run } from "@/engine/runner";`],
    [`import { run } from "../engine/runner";`],
    [`import type { AppRouter } from "@/server/api/root";`],
  ])("%s in src/shared is an error", async (code) => {
    expect(await errors("src/shared/x.ts", `${code}\nexport {};`)).toContain("arch/shared-isomorphic");
  });

  it("zod and sibling modules are fine", async () => {
    expect(await errors("src/shared/segment/x.ts", `import { z } from "zod";\nimport { slug } from "./slug";\nexport const s = z.string().transform(slug);`)).toEqual([]);
  });
});

describe("UI primitives are generic", () => {
  it.each([
    [`import { useEditor } from "@/features/editor/store";`],
    [`import { useEditor } from "../../features/editor/store";`],
    [`import type { AppRouter } from "@/server/api/root";`],
    [`import { run } from "@/engine/runner";`],
  ])("%s in src/components/ui is an error", async (code) => {
    expect(await errors("src/components/ui/button.tsx", `${code}\nexport {};`)).toContain("arch/ui-primitives");
  });

  it("another primitive is fine", async () => {
    expect(await errors("src/components/ui/dialog.tsx", `import { Button } from "./button";\nexport { Button };`)).toEqual([]);
  });
});

describe("browser code imports only types from the server", () => {
  it("import type { AppRouter } in src/trpc is fine", async () => {
    const code = `import type { AppRouter } from "@/server/api/root";\nexport type R = AppRouter;`;
    expect(await errors("src/trpc/x.ts", code)).toEqual([]);
  });

  it("inline type specifiers are fine too", async () => {
    const code = `import { type AppRouter } from "../server/api/root";\nexport type R = AppRouter;`;
    expect(await errors("src/trpc/x.ts", code)).toEqual([]);
  });

  it.each([
    ["src/trpc/x.ts", `import { appRouter } from "@/server/api/root";`],
    ["src/trpc/x.ts", `import { appRouter } from "../server/api/root";`],
    ["src/features/editor/x.tsx", `import { getConfig } from "@/server/config/env";`],
    ["src/components/run-badge.tsx", `import { startRun } from "../../server/services/start-run";`],
  ])("a value import from server in %s is an error", async (file, code) => {
    expect(await errors(file, `${code}\nexport {};`)).toContain("arch/browser-no-server");
  });

  it("@trpc/server and react-dom/server are packages, not src/server", async () => {
    expect(await errors("src/trpc/x.ts", `import { TRPCError } from "@trpc/server";\nexport { TRPCError };`)).toEqual([]);
  });
});

describe("Prisma lives in src/server/db", () => {
  it("src/server/db may import Prisma", async () => {
    const code = `import { PrismaPg } from "@prisma/adapter-pg";\nimport { PrismaClient } from "./generated/client";\nexport { PrismaPg, PrismaClient };`;
    expect(await errors("src/server/db/client.ts", code)).toEqual([]);
  });

  it("the rest of src/server may import Prisma types only", async () => {
    expect(await errors("src/server/services/x.ts", `import type { Segment } from "../db/generated/client";\nexport type S = Segment;`)).toEqual([]);
    expect(await errors("src/server/services/x.ts", `import { PrismaClient } from "@prisma/client";\nexport { PrismaClient };`)).toContain(
      "arch/prisma-in-db-only",
    );
    expect(await errors("src/server/api/x.ts", `import { PrismaClient } from "@/server/db/generated/client";\nexport { PrismaClient };`)).toContain(
      "arch/prisma-in-db-only",
    );
  });

  it.each([
    ["src/app/api/x/route.ts", `import { PrismaClient } from "@prisma/client";`],
    ["src/cli/x.ts", `import { PGlite } from "pglite-prisma-adapter";`],
    ["src/features/runs/x.tsx", `import type { Run } from "@/server/db/generated/client";`],
  ])("Prisma in %s is an error", async (file, code) => {
    expect(await errors(file, `${code}\nexport {};`)).toContain("arch/prisma-in-db-only");
  });

  it("scripts and tests may use Prisma", async () => {
    expect(await errors("scripts/x.ts", `import { PrismaClient } from "@prisma/client";\nexport { PrismaClient };`)).toEqual([]);
    expect(await errors("tests/x.test.ts", `import { PrismaClient } from "../src/server/db/generated/client";\nexport { PrismaClient };`)).toEqual([]);
  });
});

describe("process.env is read only in src/server/config/env.ts", () => {
  it.each([
    [`export const port = process.env.PORT;`, "arch/env-in-config-only"],
    [`export const port = process.env["PORT"];`, "arch/env-in-config-only"],
    [`const { env } = process;\nexport const port = env.PORT;`, "arch/env-in-config-only"],
    [`export const port = globalThis.process.env.PORT;`, "arch/env-in-config-only-syntax"],
    [`import { env } from "node:process";\nexport const port = env.PORT;`, "arch/env-in-config-only-syntax"],
  ])("%s in src/server/services is an error", async (code, rule) => {
    expect(await errors("src/server/services/x.ts", code)).toContain(rule);
  });

  it("process.env.FOO in a browser component is an error too", async () => {
    expect(await errors("src/features/editor/x.tsx", `export const foo = process.env.FOO;`)).toContain("arch/env-in-config-only");
  });

  it("src/server/config/env.ts may read it", async () => {
    expect(await errors("src/server/config/env.ts", `export const foo = process.env.FOO;`)).toEqual([]);
  });

  it("scripts, tests, e2e and bench may read it", async () => {
    for (const file of ["scripts/x.ts", "tests/x.test.ts", "e2e/x.spec.ts", "bench/x.ts", "playwright.config.ts"]) {
      expect(await errors(file, `export const foo = process.env.FOO;`), file).toEqual([]);
    }
  });
});

describe("no eval", () => {
  it.each([
    [`export const f = (s: string) => eval(s);`, "no-eval"],
    [`export const f = new Function("a", "return a");`, "no-new-func"],
    [`export const t = setTimeout("run()", 1);`, "no-implied-eval"],
  ])("%s is an error everywhere", async (code, rule) => {
    for (const file of ["src/engine/x.ts", "src/server/services/x.ts", "scripts/x.ts"]) {
      expect(await errors(file, code), file).toContain(rule);
    }
  });

  it("vm is forbidden in src", async () => {
    expect(await errors("src/server/services/x.ts", `import vm from "node:vm";\nexport { vm };`)).toContain("arch/no-vm");
  });
});

describe("ignored paths", () => {
  it("generated Prisma client and build output are not linted", async () => {
    for (const file of ["src/server/db/generated/client.ts", ".next/server/x.js", "scripts/tmp/x.ts"]) {
      expect(await eslint.isPathIgnored(path.join(root, file)), file).toBe(true);
    }
  });
});
