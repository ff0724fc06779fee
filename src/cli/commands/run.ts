// llmteam run <segment.json>: validate, save as a revision, run, wait until settled, print the run.
import { validateSegment } from "../../shared/validation";
import { expectPositionals, parseCommandArgs, parseSeconds, SERVER_OPTION, VERBOSE_OPTION } from "../args";
import type { Command } from "../command";
import { CliError, EXIT, exitCodeForRun } from "../exit-codes";
import { formatProblems } from "../format";
import { configureLogs, err, errJsonLine, log, out, outJson } from "../io";
import { readJsonArg, readJsonFile } from "../json-input";
import { interruptCancels } from "../interrupt";
import { withTeam } from "../lazy";
import { refuseServer } from "../server-flag";

const usage = `Usage: llmteam run <segment.json> [options]

Validates the segment, saves it as a new revision, runs it and waits until the run
completes, fails, is cancelled or waits for a person. Prints the run as one JSON
document on stdout.

Options:
  --input <json|@file>  run input: inline JSON, @file, or @- for stdin (default {})
  --events              the run's events as NDJSON on stderr
  --timeout <seconds>   cancel the run if it has not settled by then (exit 1)
  --verbose             also log to stderr (validation warnings, engine logs)
  --server <url>        use a running server (needs the REST API: not available yet)
  -h, --help            show this help

Exit codes: 0 completed, 1 failed or cancelled, 2 usage/file/validation error,
3 waiting for a person (see: llmteam approvals list).`;

export const runCommand: Command = {
  name: "run",
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { input: { type: "string" }, events: { type: "boolean" }, timeout: { type: "string" }, ...VERBOSE_OPTION, ...SERVER_OPTION },
      usage,
    );
    if (values.help) {
      out(usage);
      return EXIT.ok;
    }
    const [file] = expectPositionals(positionals, ["segment.json"], usage) as [string];
    refuseServer(values.server);
    const timeoutMs = parseSeconds(values.timeout, "--timeout", usage);
    const verbose = values.verbose === true;

    const document = await readJsonFile(file);
    const validation = validateSegment(document);
    const warnings = validation.problems.filter((p) => p.severity === "warning");
    if (!validation.ok) {
      throw new CliError(formatProblems(`${file} is not a valid segment`, validation.problems));
    }
    if (verbose && warnings.length > 0) err(formatProblems(`${file}: warnings`, warnings));
    const input = values.input === undefined ? {} : await readJsonArg(values.input, "--input");

    configureLogs(verbose);
    const run = await withTeam((team) =>
      interruptCancels((signal) =>
        team.run(document as Record<string, unknown>, input, {
          ...(values.events ? { onEvent: errJsonLine } : {}),
          ...(timeoutMs === undefined ? {} : { timeoutMs }),
          onTimeout: () => err(`llmteam: the run did not settle within ${values.timeout} s; cancelling it`),
          signal,
        }),
      ),
    );
    log(`run ${run.run_id} of ${run.segment_id} revision ${run.revision}: ${run.status}`);
    outJson(run);
    return exitCodeForRun(run.status);
  },
};
