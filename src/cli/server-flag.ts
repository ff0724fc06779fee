// `--server <url>`: go through a running server instead of opening the database. It needs the
// server's REST API, which arrives with a later issue; until then the flag is refused.
import { CliError } from "./exit-codes";

export function refuseServer(url: string | undefined): void {
  if (url === undefined) return;
  throw new CliError(
    `--server ${url}: talking to a running LLMTeam server needs its REST API, which arrives with a later issue.\n` +
      `Until then run llmteam on a data directory no server holds (stop the server, or set LLMTEAM_DATA_DIR), ` +
      `or use the web app at ${url}.`,
  );
}
