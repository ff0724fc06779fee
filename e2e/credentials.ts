// The e2e server runs with access control on (playwright.config.ts): the owner it creates from
// LLMTEAM_OWNER_EMAIL/PASSWORD, the bootstrap API key programs use, and where the signed-in
// browser state of the `setup` project is kept for the other projects.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const E2E_OWNER = { email: "owner@e2e.test", password: "e2e owner password" };
export const E2E_SECRET = "e2e-secret-0123456789abcdef";
export const E2E_BOOTSTRAP_KEY = "e2e-bootstrap-key-0123456789abcdef";

/** Headers of a program calling the API (seed helpers): a key, never the browser's cookie. */
export const API_HEADERS = { authorization: `Bearer ${E2E_BOOTSTRAP_KEY}` };

export const OWNER_STATE = path.join(path.dirname(fileURLToPath(import.meta.url)), ".output", "auth", "owner.json");
