// `--server <url>`: go through a running server instead of opening the database. The server's
// REST API and MCP endpoint exist; the CLI does not speak them yet, so the flag is refused with
// the ways that work today.
import { CliError } from "./exit-codes";

export function refuseServer(url: string | undefined): void {
  if (url === undefined) return;
  throw new CliError(
    `--server ${url}: the CLI cannot drive a running server yet (not implemented); use its REST API (${url}/api-docs) or its MCP endpoint (${url}/api/mcp) with an API key.\n` +
      `Until then run llmteam on a data directory no server holds (stop the server, or set LLMTEAM_DATA_DIR), ` +
      `or use the web app at ${url}.`,
  );
}
