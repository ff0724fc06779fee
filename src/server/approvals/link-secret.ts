// The key that signs approval links. LLMTEAM_SECRET when set; otherwise, with the embedded
// database, a random secret generated once and kept in `<dataDir>/secret` (mode 0600) so links
// survive restarts; with PostgreSQL and no secret, a random per-process one (links die on
// restart, and several processes would not accept each other's links: set LLMTEAM_SECRET).
//
// Cached on globalThis per Config: Next.js bundles route handlers apart from main.ts, and both
// must sign with the same key (a per-process random secret would otherwise differ between them).
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config/env";
import { getLogger } from "../logging/logger";

export const SECRET_FILE_NAME = "secret";
const MIN_SECRET_LENGTH = 16;
/** Domain separation: the same LLMTEAM_SECRET will sign other things (sessions) later. */
const LINK_KEY_LABEL = "llmteam:approval-links:v1";

export type LinkKeySource = "config" | "file" | "ephemeral";
export type LinkKey = { key: Buffer; source: LinkKeySource };

const CACHE = Symbol.for("llmteam.approvalLinkKeys");
type Holder = { [CACHE]?: WeakMap<Config, LinkKey> };

function cache(): WeakMap<Config, LinkKey> {
  const holder = globalThis as Holder;
  holder[CACHE] ??= new WeakMap();
  return holder[CACHE];
}

export class LinkSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LinkSecretError";
  }
}

/** The approval-link signing key of this configuration (resolved, and persisted if needed, once). */
export function approvalLinkKey(config: Config): LinkKey {
  const known = cache().get(config);
  if (known) return known;
  const { secret, source } = resolveSecret(config);
  const resolved: LinkKey = { key: createHmac("sha256", secret).update(LINK_KEY_LABEL).digest(), source };
  cache().set(config, resolved);
  if (source === "ephemeral") {
    getLogger().warn(
      "LLMTEAM_SECRET is not set: approval links are signed with a random key that lives as long as this process, " +
        "so links sent before a restart stop working. Set LLMTEAM_SECRET (16+ characters) to keep them valid.",
    );
  }
  return resolved;
}

function resolveSecret(config: Config): { secret: string; source: LinkKeySource } {
  if (config.secret) return { secret: config.secret, source: "config" };
  if (config.databaseUrl) return { secret: randomBytes(32).toString("base64url"), source: "ephemeral" };
  return { secret: readOrCreateSecretFile(config.dataDir), source: "file" };
}

/** `<dataDir>/secret`: created exclusively (two starts racing keep one secret), readable by the owner only. */
export function readOrCreateSecretFile(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE_NAME);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
      throw new LinkSecretError(`Cannot create the secret file ${file}: ${(err as Error).message}. Set LLMTEAM_SECRET instead.`);
    }
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new LinkSecretError(
      `The secret file ${file} holds fewer than ${MIN_SECRET_LENGTH} characters. ` +
        "Delete it to generate a new one (links already sent stop working), or set LLMTEAM_SECRET.",
    );
  }
  try {
    // A copy restored from a backup may have lost its mode: keep the secret private.
    chmodSync(file, 0o600);
  } catch {
    // Not ours to change (another owner, a read-only mount): the secret still works.
  }
  return secret;
}
