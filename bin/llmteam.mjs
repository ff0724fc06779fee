#!/usr/bin/env node
// The `llmteam` command: runs src/cli/main.ts through tsx (Node 20 cannot run .ts itself).
// tsx's ESM API registers its loader for this process, with the project's tsconfig so it
// works from any working directory.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const tsconfig = fileURLToPath(new URL("../tsconfig.json", import.meta.url));
register({ tsconfig });
await import("../src/cli/main.ts");
