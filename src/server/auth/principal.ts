// The one place that decides who is asking. Every tRPC procedure, REST route
// and socket connection builds its principal here, so sign-in and API keys
// (LLMTEAM_AUTH=on) plug in without touching callers.
export type Principal = {
  id: string;
  kind: "owner";
  displayName: string;
  /**
   * Which credential the request came with: rate limits count per session and per API key,
   * not per person. Absent for the local owner (auth off) and for system principals.
   */
  credential?: { kind: "session" | "api_key" | "bootstrap_key"; id: string };
};

/**
 * Whether sign-in is enforced when LLMTEAM_AUTH=on. False until access control
 * lands: the UI then shows the "access control is off" banner whatever the
 * setting says, so nobody believes a server is protected when it is not.
 */
export const AUTH_ENFORCED = false;

export const LOCAL_OWNER: Principal = Object.freeze({
  id: "local-owner",
  kind: "owner",
  displayName: "Local owner",
});

export type RequestCredentials = {
  headers: Headers | Record<string, string | string[] | undefined>;
};

/**
 * Until access control lands, every request runs as the local owner (the
 * documented behaviour of LLMTEAM_AUTH=off; the UI shows a banner saying so).
 */
export async function resolvePrincipal(_request: RequestCredentials): Promise<Principal> {
  return LOCAL_OWNER;
}
