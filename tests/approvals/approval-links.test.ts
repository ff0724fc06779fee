// Signed approval links: what a token proves and what it refuses, and where the signing
// secret comes from when LLMTEAM_SECRET is unset.
import { createHmac } from "node:crypto";
import { rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createApprovalLink,
  DEFAULT_LINK_TTL_MS,
  LinkTokenError,
  signLinkToken,
  verifyLinkToken,
} from "../../src/server/approvals/approval-links";
import { clientKeyOf } from "../../src/server/approvals/link-rate-limit";
import { approvalLinkKey, LinkSecretError, readOrCreateSecretFile } from "../../src/server/approvals/link-secret";
import { parseConfig } from "../../src/server/config/env";
import { tempDir } from "../helpers/test-database";
import { captureLogs } from "../helpers/capture-logs";

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const now = new Date("2030-01-01T12:00:00Z");
const inAnHour = Math.floor(now.getTime() / 1000) + 3600;

function refusal(fn: () => unknown): LinkTokenError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(LinkTokenError);
    return err as LinkTokenError;
  }
  throw new Error("expected the token to be refused");
}

describe("approval link tokens", () => {
  it("a signed token verifies to the approval it names", () => {
    const token = signLinkToken(key, { approval_id: "appr-1", exp: inAnHour });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyLinkToken(key, token, now)).toEqual({ approval_id: "appr-1", exp: inAnHour });
  });

  it("tampered-signature: a changed signature character is refused as invalid", () => {
    const token = signLinkToken(key, { approval_id: "appr-1", exp: inAnHour });
    const last = token.at(-1) === "A" ? "B" : "A";
    const error = refusal(() => verifyLinkToken(key, token.slice(0, -1) + last, now));
    expect(error.reason).toBe("invalid");
    expect(error.message).toMatch(/not valid/);
  });

  it("wrong-approval-id: a payload naming another approval does not carry a valid signature", () => {
    const token = signLinkToken(key, { approval_id: "appr-1", exp: inAnHour });
    const [, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ approval_id: "appr-2", exp: inAnHour })).toString("base64url");
    expect(refusal(() => verifyLinkToken(key, `${forged}.${signature}`, now)).reason).toBe("invalid");
  });

  it("a token signed with another secret (another server) is invalid", () => {
    const token = signLinkToken(otherKey, { approval_id: "appr-1", exp: inAnHour });
    expect(refusal(() => verifyLinkToken(key, token, now)).reason).toBe("invalid");
  });

  it("expired-token: refused as expired (not invalid) once exp has passed", () => {
    const token = signLinkToken(key, { approval_id: "appr-1", exp: inAnHour });
    const later = new Date(now.getTime() + 3600_000);
    const error = refusal(() => verifyLinkToken(key, token, later));
    expect(error.reason).toBe("expired");
    expect(error.message).toMatch(/expired/);
  });

  it.each([
    ["empty", ""],
    ["no signature", "abc"],
    ["three parts", "a.b.c"],
    ["not base64url", "ab+c.de/f"],
    ["far too long", `${"a".repeat(600)}.b`],
  ])("garbage (%s) is invalid, never a crash", (_label, token) => {
    expect(refusal(() => verifyLinkToken(key, token, now)).reason).toBe("invalid");
  });

  it("a correctly signed body that is not the payload shape is invalid", () => {
    const body = Buffer.from(JSON.stringify({ approval_id: "a", exp: "soon" })).toString("base64url");
    const signature = createHmac("sha256", key).update(body).digest("base64url");
    expect(refusal(() => verifyLinkToken(key, `${body}.${signature}`, now)).reason).toBe("invalid");
  });

  it("a link lives until the approval expires, else for 7 days", () => {
    const timed = createApprovalLink(key, "https://llm.example.com/", { approval_id: "a1", expires_at: "2030-01-01T13:00:00.000Z" }, now);
    expect(timed.url).toMatch(/^https:\/\/llm\.example\.com\/approve\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(timed.expires_at).toBe("2030-01-01T13:00:00.000Z");

    const open = createApprovalLink(key, "https://llm.example.com", { approval_id: "a2", expires_at: null }, now);
    expect(Date.parse(open.expires_at) - now.getTime()).toBe(DEFAULT_LINK_TTL_MS);
    const token = open.url.split("/approve/")[1]!;
    expect(verifyLinkToken(key, token, new Date(now.getTime() + DEFAULT_LINK_TTL_MS - 1000)).approval_id).toBe("a2");
    expect(refusal(() => verifyLinkToken(key, token, new Date(now.getTime() + DEFAULT_LINK_TTL_MS))).reason).toBe("expired");
  });
});

describe("the link signing secret", () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    vi.restoreAllMocks();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("LLMTEAM_SECRET signs: two processes with the same secret accept each other's links", () => {
    const a = approvalLinkKey(parseConfig({ LLMTEAM_SECRET: "0123456789abcdef-shared" }));
    const b = approvalLinkKey(parseConfig({ LLMTEAM_SECRET: "0123456789abcdef-shared" }));
    expect(a.source).toBe("config");
    const token = signLinkToken(a.key, { approval_id: "x", exp: inAnHour });
    expect(verifyLinkToken(b.key, token, now).approval_id).toBe("x");
  });

  it("embedded database without a secret: generated once into <dataDir>/secret with mode 0600 and reused", () => {
    const dir = dataDir();
    const first = approvalLinkKey(parseConfig({ LLMTEAM_DATA_DIR: dir }));
    expect(first.source).toBe("file");
    const file = path.join(dir, "secret");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // A new process (a new Config) reads the same file: links survive a restart.
    const second = approvalLinkKey(parseConfig({ LLMTEAM_DATA_DIR: dir }));
    expect(second.key.equals(first.key)).toBe(true);
  });

  it("a secret file that is too short stops with a message saying what to do", () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, "secret"), "short\n");
    expect(() => readOrCreateSecretFile(dir)).toThrow(LinkSecretError);
    expect(() => readOrCreateSecretFile(dir)).toThrow(/Delete it to generate a new one.*LLMTEAM_SECRET/);
  });

  it("PostgreSQL without a secret: a per-process key and a warning that links die on restart", () => {
    const logs = captureLogs();
    try {
      const config = parseConfig({ DATABASE_URL: "postgres://u@127.0.0.1:5432/db", LLMTEAM_DATA_DIR: dataDir() });
      const key1 = approvalLinkKey(config);
      expect(key1.source).toBe("ephemeral");
      const warnings = () => logs.records().filter((r) => r.level === "warn");
      expect(warnings()).toHaveLength(1);
      expect(String(warnings()[0]?.msg)).toMatch(/LLMTEAM_SECRET is not set.*restart/);
      // Same process, same config: the same key (the web routes and the webhook agree).
      expect(approvalLinkKey(config).key.equals(key1.key)).toBe(true);
      expect(warnings()).toHaveLength(1);
    } finally {
      logs.restore();
    }
  });
});

describe("the client a rate limit counts", () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it("is the peer address the server stamped", () => {
    expect(clientKeyOf(headers({ "x-llmteam-client-ip": "::ffff:203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("a public client cannot pick its bucket with X-Forwarded-For", () => {
    expect(clientKeyOf(headers({ "x-llmteam-client-ip": "203.0.113.9", "x-forwarded-for": "1.2.3.4" }))).toBe("203.0.113.9");
  });

  it("behind a local reverse proxy, the address the proxy saw (right-most entry) counts, not what the client claimed", () => {
    expect(clientKeyOf(headers({ "x-llmteam-client-ip": "127.0.0.1", "x-forwarded-for": "6.6.6.6, 198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientKeyOf(headers({ "x-llmteam-client-ip": "10.0.0.3", "x-forwarded-for": "198.51.100.5" }))).toBe("198.51.100.5");
  });
});
