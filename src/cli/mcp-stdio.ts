// The stdio MCP session of `llmteam mcp`: boots the core (database, engine) as the CLI's
// principal, serves the tools until the client closes stdin or a signal arrives, then lets runs
// in progress settle (stdin closed) or stops at once (signal), and closes the database.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { AppContext } from "../server/app-context";
import { bootCore } from "../server/boot";
import { getConfig } from "../server/config/env";
import { DataDirLockedError } from "../server/db/data-dir-lock";
import { noRunStartLimit, type McpContext } from "../server/mcp/context";
import { createMcpServer } from "../server/mcp/create-mcp-server";
import { SETTLED_STATUSES, trackAdvances, waitForRun } from "../server/mcp/run-wait";
import { getRun } from "../server/services/runs/get-run";
import { CliError, EXIT } from "./exit-codes";
import { err, log } from "./io";
import { CLI_PRINCIPAL, startupCliError } from "./session";

async function openCore(): Promise<AppContext> {
  let publicUrl = "http://localhost:3000";
  try {
    publicUrl = getConfig().publicUrl;
    // Example segments are for a new server's UI, not for agents.
    return await bootCore({ ...getConfig(), seedExamples: false });
  } catch (error) {
    if (error instanceof DataDirLockedError) throw lockedError(error.message, publicUrl);
    throw startupCliError(error);
  }
}

/** The data directory is held by another process (usually the server): point at its HTTP endpoint. */
function lockedError(message: string, publicUrl: string): CliError {
  return new CliError(`${message}\nIf it is the LLMTeam server, connect the agent to its MCP endpoint instead: ${publicUrl}/api/mcp`, EXIT.usage);
}

/** How long, at most, a closed session waits for its runs (they continue at the next open anyway). */
const DRAIN_SECONDS = 24 * 3600;

type Ending = "stdin" | "signal";

export async function serveStdio(): Promise<number> {
  const started = Date.now();
  const core = await openCore();
  const { databaseUrl, dataDir } = core.config;
  log(`database: ${databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded, in ${dataDir}`}, opened in ${Date.now() - started} ms`);
  trackAdvances(core.runtime.engine);
  const context: McpContext = {
    services: { repos: core.db.repos, principal: CLI_PRINCIPAL, engine: core.runtime.engine },
    events: core.runtime.events,
    beforeRunStart: noRunStartLimit,
  };
  // Every run this process drives (started, resumed by a decision, or recovered at open).
  const touched = new Set<string>();
  const offEvents = core.runtime.events.subscribe((event) => touched.add(event.root_run_id ?? event.run_id));

  let endSession: (how: Ending) => void = () => {};
  const ended = new Promise<Ending>((resolve) => (endSession = resolve));
  let signalled: () => void = () => {};
  const onSignal = new Promise<void>((resolve) => (signalled = resolve));
  const signalHandler = () => {
    endSession("signal");
    signalled();
  };
  process.on("SIGINT", signalHandler);
  process.on("SIGTERM", signalHandler);
  process.stdin.once("end", () => endSession("stdin"));
  process.stdin.once("close", () => endSession("stdin"));

  // Tool calls in flight when stdin closes still get their answer out.
  const inFlight = new Set<Promise<unknown>>();
  const server = createMcpServer(() => context, {
    onToolCall(call) {
      inFlight.add(call);
      void call.finally(() => inFlight.delete(call));
    },
  });
  await server.connect(new StdioServerTransport());
  log("serving MCP on stdio");

  const how = await ended;
  if (how === "stdin") {
    await Promise.race([Promise.allSettled([...inFlight]), onSignal]);
    await new Promise((resolve) => setImmediate(resolve)); // the answers are written after the calls resolve
  }
  await server.close().catch(() => {});
  offEvents();
  if (how === "stdin") {
    const active = [];
    for (const runId of touched) {
      const run = await getRun(context.services, { run_id: runId }).catch(() => undefined);
      if (run && !SETTLED_STATUSES.has(run.status)) active.push(runId);
    }
    if (active.length > 0) {
      err(`llmteam mcp: the client closed the session; waiting for ${active.length} run(s) to finish or reach a human step (Ctrl-C stops now; they continue when the database is next opened)`);
      const waits = Promise.all(active.map((runId) => waitForRun(context, runId, DRAIN_SECONDS).catch(() => undefined)));
      await Promise.race([waits, onSignal]);
    }
  }
  process.off("SIGINT", signalHandler);
  process.off("SIGTERM", signalHandler);
  await core.runtime.stop(how === "signal" ? 1500 : 5000);
  await core.db.close();
  return EXIT.ok;
}
