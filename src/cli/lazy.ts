// The database, the engine and the server's services take seconds to load: only commands that
// open the database pay for it (`validate`, `catalog`, `version` stay fast).
import type { LLMTeam } from "../lib/llmteam";

/** session.withTeam, loaded on first use. */
export async function withTeam<T>(fn: (team: LLMTeam) => Promise<T>): Promise<T> {
  const session = await import("./session");
  return session.withTeam(fn);
}
