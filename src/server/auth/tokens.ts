// Random bearer secrets (session tokens, API keys) and how they are stored: only their sha256.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const API_KEY_PREFIX = "llmt_";
/** How many characters of a key the list shows (`llmt_` + 8). */
export const API_KEY_SHOWN_CHARS = API_KEY_PREFIX.length + 8;

/** 32 random bytes, base64url: 256 bits, so a plain (unsalted) sha256 is a safe lookup key. */
export function newToken(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Constant-time equality of two secrets of any length (compares their hashes). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
}
