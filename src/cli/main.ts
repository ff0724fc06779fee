// The `llmteam` command (bin/llmteam.mjs runs this file through tsx). Dispatches to one
// command per file in ./commands; every way out goes through exitWith, after stdout and
// stderr are flushed, with the codes in ./exit-codes.
import { AppError } from "../server/services/errors";
import type { Command } from "./command";
import { CliError, EXIT, UsageError } from "./exit-codes";
import { INTERRUPTED_EXIT, Interrupted } from "./interrupt";
import { err, exitWith, out } from "./io";

/** Loaded on use: each command pulls in only what it needs. */
const COMMANDS: readonly { name: string; summary: string; load: () => Promise<Command> }[] = [
  { name: "run", summary: "run a segment file and print the run as JSON", load: async () => (await import("./commands/run")).runCommand },
  { name: "validate", summary: "check a segment file and list its problems", load: async () => (await import("./commands/validate")).validateCommand },
  { name: "catalog", summary: "list the step types", load: async () => (await import("./commands/catalog")).catalogCommand },
  {
    name: "approvals",
    summary: "list approvals, or approve/reject one and let the run continue",
    load: async () => (await import("./commands/approvals")).approvalsCommand,
  },
  { name: "mcp", summary: "serve the tools to an agent over MCP (stdio)", load: async () => (await import("./commands/mcp")).mcpCommand },
  { name: "version", summary: "print the version", load: async () => (await import("./commands/version")).versionCommand },
];

const usage = `Usage: llmteam <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join("\n")}

Run "llmteam <command> --help" for a command's options.
The database: embedded under LLMTEAM_DATA_DIR (default ./.data), or DATABASE_URL.`;

function describeAppError(error: AppError): CliError {
  const details = error.details
    // Some messages already list their problems.
    .filter((d) => !error.message.includes(d.message))
    .map((d) => {
      const where = [d.code, d.path || d.step_id].filter(Boolean).join(" at ");
      return `  ${where ? `${where}: ` : ""}${d.message}`;
    });
  return new CliError(error.message, EXIT.usage, details);
}

/** The exit code for an error that left a command; writes its message to stderr. */
function report(error: unknown): number {
  if (error instanceof Interrupted) return INTERRUPTED_EXIT;
  const known = error instanceof AppError ? describeAppError(error) : error;
  if (known instanceof UsageError) {
    err(`llmteam: ${known.message}\n\n${known.usage}`);
    return known.exitCode;
  }
  if (known instanceof CliError) {
    err([`llmteam: ${known.message}`, ...known.details].join("\n"));
    return known.exitCode;
  }
  err(`llmteam: unexpected error: ${known instanceof Error ? (known.stack ?? known.message) : String(known)}`);
  return EXIT.failed;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    err(usage);
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    out(topic ? (await topic.load()).usage : usage);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === (name === "--version" || name === "-V" ? "version" : name));
  if (!command) throw new UsageError(`unknown command "${name}"`, usage);
  return (await command.load()).run(name === command.name ? rest : []);
}

// A reader that went away (`llmteam catalog | head`) is not worth a stack trace.
process.stdout.on("error", () => {});
process.stderr.on("error", () => {});

const code = await main(process.argv.slice(2)).catch(report);
await exitWith(code);
