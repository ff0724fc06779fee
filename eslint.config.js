// ESLint flat config. Fast (not type-aware): recommended JS + TypeScript rules,
// React hooks rules for UI code, and the rules that guard the architecture
// (docs: ARCHITECTURE "Layers and who may import whom"). A boundary mistake
// must fail `npm run lint`; tests/lint/boundaries.test.ts proves each one bites.
//
// Each boundary is its own rule (`arch/<name>`, the core `no-restricted-imports`
// registered under several names), so overlapping file globs add their
// restrictions up instead of one `no-restricted-imports` block silently
// replacing another's options. The same patterns also apply to dynamic
// `import("…")` with a string literal.
import { builtinModules } from "node:module";
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import { builtinRules } from "eslint/use-at-your-own-risk";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const coreNoRestrictedImports = builtinRules.get("no-restricted-imports");
const coreNoRestrictedProperties = builtinRules.get("no-restricted-properties");
const coreNoRestrictedSyntax = builtinRules.get("no-restricted-syntax");

/** core no-restricted-imports + the same regex patterns on `import("literal")`. */
const restrictedImportsRule = {
  meta: { ...coreNoRestrictedImports.meta, docs: { description: "architecture boundary (see eslint.config.js)" } },
  create(context) {
    const listeners = coreNoRestrictedImports.create(context);
    const patterns = (context.options[0]?.patterns ?? []).filter((p) => typeof p === "object" && p.regex);
    const matchers = patterns.map((p) => ({ re: new RegExp(p.regex, p.caseSensitive ? "u" : "iu"), message: p.message }));
    return {
      ...listeners,
      ImportExpression(node) {
        if (node.source.type !== "Literal" || typeof node.source.value !== "string") return;
        const source = node.source.value;
        const hit = matchers.find((m) => m.re.test(source));
        if (hit) context.report({ node, message: `'${source}' import is restricted from being used by a pattern. ${hit.message ?? ""}`.trim() });
      },
    };
  },
};

// ---------------------------------------------------------------------------
// Module specifiers, as regular expressions over the import string.

/** `@/x`, `src/x`, `../x`, `../../x`, `./../x`, `../../src/x`: a top-level folder of src/. */
const srcFolder = (...names) => `^(?:@/|~/|src/|(?:\\./)?(?:\\.\\./)+(?:src/)?)(?:${names.join("|")})(?:/|$)`;
/** A package and its subpaths: `next`, `next/server`, but not `nextra`. */
const pkg = (...names) => `^(?:${names.map((n) => n.replace(/[.]/g, "\\.")).join("|")})(?:/|$)`;

const FRAMEWORK_AND_IO = {
  regex: pkg(
    "next", "react", "react-dom", "socket.io", "socket.io-client", "bullmq", "ioredis", "pg",
    "http", "https", "node:http", "node:https", "node:http2", "http2", "node:net", "net",
    // Logging, metrics and rate limits are server concerns: the engine reports through its ports.
    "pino", "pino-pretty", "prom-client", "rate-limiter-flexible",
  ),
  message: "engine/ and shared/ are pure TypeScript: no framework, database, queue or network I/O. Define a port and implement it in src/server.",
};
const SCOPED_FRAMEWORK_AND_IO = {
  regex: "^@(?:prisma|electric-sql|trpc|tanstack|xyflow)/",
  message: FRAMEWORK_AND_IO.message,
};
const PRISMA = {
  regex: "^(?:@prisma/|pglite-prisma-adapter(?:/|$))|(?:^|/)db/generated(?:/|$)",
  message: "Prisma is used only in src/server/db (repositories). Call a service or repository instead.",
};
const VM = {
  regex: pkg("vm", "node:vm"),
  message: "No vm: user expressions go through the sandboxed evaluator (JSONata), never eval/new Function/vm.",
};
const NODE_BUILTINS = {
  regex: `^(?:node:.*|(?:${builtinModules.filter((m) => !m.startsWith("_")).map((m) => m.replace(/[.]/g, "\\.")).join("|")})(?:/.*)?)$`,
  message: "shared/ runs in the browser too: no Node built-ins.",
};
const layerMessage = (who, what) => `${who} may not import ${what} (see ARCHITECTURE "Layers").`;

// ---------------------------------------------------------------------------

const arch = {
  meta: { name: "llmteam-architecture" },
  rules: {
    "engine-purity": restrictedImportsRule,
    "shared-isomorphic": restrictedImportsRule,
    "ui-primitives": restrictedImportsRule,
    "browser-no-server": restrictedImportsRule,
    "prisma-in-db-only": restrictedImportsRule,
    "no-vm": restrictedImportsRule,
    "env-in-config-only": coreNoRestrictedProperties,
    "env-in-config-only-syntax": coreNoRestrictedSyntax,
  },
};

const NODE_GLOBALS = Object.fromEntries(
  [
    "process", "console", "Buffer", "URL", "URLSearchParams", "setTimeout", "clearTimeout",
    "setInterval", "clearInterval", "setImmediate", "clearImmediate", "queueMicrotask",
    "structuredClone", "fetch", "Request", "Response", "Headers", "FormData", "Blob",
    "AbortController", "AbortSignal", "TextEncoder", "TextDecoder", "performance", "crypto",
    "WebAssembly", "EventTarget", "Event", "BroadcastChannel", "MessageChannel",
    "window", "document", "navigator", "location", "localStorage", "sessionStorage",
    "requestAnimationFrame", "cancelAnimationFrame",
  ].map((name) => [name, "readonly"]),
);

export default defineConfig([
  globalIgnores([
    ".next/",
    "node_modules/",
    "src/server/db/generated/",
    ".data/",
    "scripts/tmp/",
    "test-results/",
    "playwright-report/",
    "e2e/.output/",
    "next-env.d.ts",
    "coverage/",
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: "llmteam/base",
    plugins: { arch },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Declared for every file: no-undef needs them in JS, and no-implied-eval
    // only recognises setTimeout("code") when setTimeout is a known global.
    name: "llmteam/globals",
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    name: "llmteam/react-hooks",
    files: ["**/*.tsx", "src/features/**/*.ts", "src/components/**/*.ts", "src/trpc/**/*.ts"],
    ...reactHooks.configs.flat.recommended,
  },

  // --- architecture boundaries (src/ only; scripts, tests, e2e and bench are free) ---
  {
    name: "llmteam/arch/engine",
    files: ["src/engine/**"],
    rules: {
      "arch/engine-purity": [
        "error",
        {
          patterns: [
            FRAMEWORK_AND_IO,
            SCOPED_FRAMEWORK_AND_IO,
            {
              regex: srcFolder("server", "features", "app", "components", "trpc", "cli"),
              message: layerMessage("src/engine", "server/, features/, app/, components/, trpc/ or cli/: the engine talks to the world through its ports"),
            },
          ],
        },
      ],
    },
  },
  {
    name: "llmteam/arch/shared",
    files: ["src/shared/**"],
    rules: {
      "arch/shared-isomorphic": [
        "error",
        {
          patterns: [
            FRAMEWORK_AND_IO,
            SCOPED_FRAMEWORK_AND_IO,
            NODE_BUILTINS,
            {
              regex: srcFolder("server", "features", "app", "components", "trpc", "cli", "engine"),
              message: layerMessage("src/shared", "any other layer: it is the base everything else builds on"),
            },
          ],
        },
      ],
    },
  },
  {
    name: "llmteam/arch/ui-primitives",
    files: ["src/components/ui/**"],
    rules: {
      "arch/ui-primitives": [
        "error",
        {
          patterns: [
            {
              regex: srcFolder("features", "server", "engine"),
              message: layerMessage("src/components/ui", "features/, server/ or engine/: UI primitives are generic"),
            },
          ],
        },
      ],
    },
  },
  {
    name: "llmteam/arch/browser",
    files: ["src/features/**", "src/components/**", "src/trpc/**"],
    rules: {
      "arch/browser-no-server": [
        "error",
        {
          patterns: [
            {
              regex: srcFolder("server"),
              allowTypeImports: true,
              message: layerMessage("Browser code (features/, components/, trpc/)", "values from server/; `import type` only (e.g. `import type { AppRouter }`)"),
            },
          ],
        },
      ],
    },
  },
  {
    name: "llmteam/arch/prisma",
    files: ["src/**"],
    ignores: ["src/server/**"],
    rules: { "arch/prisma-in-db-only": ["error", { patterns: [PRISMA] }] },
  },
  {
    name: "llmteam/arch/prisma-server-types",
    files: ["src/server/**"],
    ignores: ["src/server/db/**"],
    rules: { "arch/prisma-in-db-only": ["error", { patterns: [{ ...PRISMA, allowTypeImports: true }] }] },
  },
  {
    name: "llmteam/arch/no-vm",
    files: ["src/**"],
    rules: { "arch/no-vm": ["error", { patterns: [VM] }] },
  },
  {
    name: "llmteam/arch/env",
    files: ["src/**"],
    ignores: ["src/server/config/env.ts"],
    rules: {
      "arch/env-in-config-only": [
        "error",
        { object: "process", property: "env", message: "Read settings through getConfig() from src/server/config/env.ts, the only module that reads process.env." },
      ],
      "arch/env-in-config-only-syntax": [
        "error",
        {
          selector: "MemberExpression[object.type='MemberExpression'][object.property.name='process'][property.name='env']",
          message: "Read settings through getConfig() from src/server/config/env.ts, the only module that reads process.env.",
        },
        {
          selector: "ImportDeclaration[source.value=/^(node:)?process$/] > ImportSpecifier[imported.name='env']",
          message: "Read settings through getConfig() from src/server/config/env.ts, the only module that reads process.env.",
        },
      ],
    },
  },
]);
