// LLMTEAM_METRICS_TOKEN as a Bearer token, compared in constant time: the web's /metrics and
// each queue worker's /metrics accept it alike.
import { timingSafeEqual } from "node:crypto";

export function isMetricsToken(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim();
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
