// Signed approval links: `${publicUrl}/approve/<token>`, the token being
// base64url(JSON {approval_id, exp}) + "." + base64url(HMAC-SHA256(key, first part)).
// The token is the credential of the standalone approval page: it names exactly one approval
// (changing the id breaks the signature) and expires (the approval's expires_at, else 7 days).
// Single use follows from the engine: a decided approval refuses a second decision.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const DEFAULT_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Long enough for any id the engine makes, short enough that junk is refused before any work. */
const MAX_TOKEN_LENGTH = 512;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const payloadSchema = z.strictObject({
  approval_id: z.string().min(1).max(64),
  /** Expiry, seconds since the epoch. */
  exp: z.number().int().positive(),
});
export type LinkPayload = z.infer<typeof payloadSchema>;

export type LinkTokenErrorReason = "invalid" | "expired";

export class LinkTokenError extends Error {
  constructor(
    readonly reason: LinkTokenErrorReason,
    message: string,
  ) {
    super(message);
    this.name = "LinkTokenError";
  }
}

function sign(key: Buffer, body: string): Buffer {
  return createHmac("sha256", key).update(body).digest();
}

export function signLinkToken(key: Buffer, payload: LinkPayload): string {
  const body = Buffer.from(JSON.stringify(payloadSchema.parse(payload))).toString("base64url");
  return `${body}.${sign(key, body).toString("base64url")}`;
}

/** The payload of a genuine, unexpired token; a LinkTokenError otherwise. */
export function verifyLinkToken(key: Buffer, token: string, now: Date): LinkPayload {
  const invalid = () =>
    new LinkTokenError("invalid", "This approval link is not valid. Check that it was copied completely, or ask for a new link.");
  if (token.length > MAX_TOKEN_LENGTH) throw invalid();
  const parts = token.split(".");
  if (parts.length !== 2) throw invalid();
  const [body, signature] = parts as [string, string];
  if (!BASE64URL.test(body) || !BASE64URL.test(signature)) throw invalid();
  const given = Buffer.from(signature, "base64url");
  const expected = sign(key, body);
  // Compare in constant time; lengths differ only for garbage, which says nothing about the key.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let payload: LinkPayload;
  try {
    payload = payloadSchema.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    throw invalid();
  }
  if (payload.exp * 1000 <= now.getTime()) {
    throw new LinkTokenError("expired", "This approval link has expired. Ask for a new link if the approval is still waiting.");
  }
  return payload;
}

/** When a link to this approval stops working: its own expiry, else a week from now. */
export function linkExpiry(approval: { expires_at: string | null }, now: Date): Date {
  return approval.expires_at ? new Date(approval.expires_at) : new Date(now.getTime() + DEFAULT_LINK_TTL_MS);
}

export type ApprovalLink = { url: string; expires_at: string };

export function createApprovalLink(
  key: Buffer,
  publicUrl: string,
  approval: { approval_id: string; expires_at: string | null },
  now: Date,
): ApprovalLink {
  const expires = linkExpiry(approval, now);
  // Whole seconds, rounded up, so the link never dies before the approval does.
  const exp = Math.ceil(expires.getTime() / 1000);
  const token = signLinkToken(key, { approval_id: approval.approval_id, exp });
  return { url: `${publicUrl.replace(/\/$/, "")}/approve/${token}`, expires_at: new Date(exp * 1000).toISOString() };
}
