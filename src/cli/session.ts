// Opening the database for a command, as the CLI's principal, with startup failures as clear
// messages (a data dir held by a running server points at --server).
import type { Principal } from "../server/auth/principal";
import { describeStartupError } from "../server/boot";
import { ConfigError, getConfig } from "../server/config/env";
import { DataDirLockedError } from "../server/db/data-dir-lock";
import { MigrationError } from "../server/db/migrate";
import { DatabaseConnectionError } from "../server/db/open-database";
import { LLMTeam } from "../lib/llmteam";
import { CliError, EXIT } from "./exit-codes";
import { log } from "./io";

/** Recorded as `created_by` of runs and `decided_by` of approvals. */
export const CLI_PRINCIPAL: Principal = Object.freeze({ id: "cli", kind: "owner", displayName: "CLI" });

function serverHint(): string {
  let url = "http://localhost:3000";
  try {
    url = getConfig().publicUrl;
  } catch {
    // A bad setting is reported by the open itself.
  }
  return url;
}

async function open(): Promise<LLMTeam> {
  try {
    return await LLMTeam.open({ principal: CLI_PRINCIPAL });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new CliError(
        `${error.message}\n` +
          `If it is the LLMTeam server, go through it instead: llmteam <command> --server ${serverHint()} ` +
          `(available once the server's REST API lands; until then stop the server to use the CLI on this directory).`,
      );
    }
    throw startupCliError(error);
  }
}

/** A configuration, migration or connection failure at open → its message alone (exit 2); anything else as is. */
export function startupCliError(error: unknown): unknown {
  if (error instanceof ConfigError || error instanceof MigrationError || error instanceof DatabaseConnectionError) {
    return new CliError(describeStartupError(error), EXIT.usage);
  }
  return error;
}

/** Opens the database, runs `fn`, and always closes it again. */
export async function withTeam<T>(fn: (team: LLMTeam) => Promise<T>): Promise<T> {
  const started = Date.now();
  const team = await open();
  const { databaseUrl, dataDir } = team.config;
  log(`database: ${databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded, in ${dataDir}`}, opened in ${Date.now() - started} ms`);
  try {
    return await fn(team);
  } finally {
    await team.close();
  }
}
