// llmteam mcp: LLMTeam's MCP tools for an agent on stdin/stdout (the stdio transport), over the
// database the other commands open, with the engine running in this process. The same tools as
// the server's /api/mcp endpoint (src/server/mcp). stdout carries nothing but the protocol.
import { expectPositionals, parseCommandArgs, VERBOSE_OPTION } from "../args";
import type { Command } from "../command";
import { EXIT } from "../exit-codes";
import { configureLogs, out } from "../io";

const usage = `Usage: llmteam mcp [options]

Serves LLMTeam to an agent over the Model Context Protocol on stdin/stdout (stdio
transport). Tools: list_segments, get_catalog, run_segment, get_run,
list_pending_approvals, decide_approval (docs/mcp.md).

It opens the database like the other commands (embedded under LLMTEAM_DATA_DIR, default
./.data, or DATABASE_URL) and runs the engine in this process. When the client closes
the session, runs still in progress get to finish or reach a human step before it
exits; a signal (Ctrl-C, SIGTERM) stops at once, and unfinished runs continue the next
time the database is opened.

A running server holds its embedded database: connect the agent to the server's
endpoint instead, http://<server>/api/mcp (Streamable HTTP).

Options:
  --verbose   log to stderr (stdout stays protocol only)
  -h, --help  show this help

Exit codes: 0 the session ended, 2 the database could not be opened.

Client configuration (e.g. Claude Desktop, Cursor):
  {"mcpServers": {"llmteam": {"command": "npx", "args": ["llmteam", "mcp"],
    "env": {"LLMTEAM_DATA_DIR": "/path/to/.data"}}}}`;

export const mcpCommand: Command = {
  name: "mcp",
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { ...VERBOSE_OPTION }, usage);
    if (values.help) {
      out(usage);
      return EXIT.ok;
    }
    expectPositionals(positionals, [], usage);
    // Before anything loads: a stray console.log would corrupt the protocol on stdout.
    configureLogs(values.verbose === true);
    const { serveStdio } = await import("../mcp-stdio");
    return serveStdio();
  },
};
