// llmteam approvals list|decide: the human steps runs wait for, over the same services as the app.
import { APPROVAL_STATUSES, type Approval, type ApprovalStatus } from "../../shared/resources/run-detail";
import { expectPositionals, JSON_OPTION, parseCommandArgs, parseSeconds, SERVER_OPTION, VERBOSE_OPTION } from "../args";
import type { Command } from "../command";
import { EXIT, exitCodeForRun, UsageError } from "../exit-codes";
import { table } from "../format";
import { configureLogs, err, errJsonLine, log, out, outJson } from "../io";
import { readJsonArg } from "../json-input";
import { interruptCancels } from "../interrupt";
import { withTeam } from "../lazy";
import { refuseServer } from "../server-flag";

const usage = `Usage: llmteam approvals <list|decide> [options]

  llmteam approvals list [--status <status>] [--run <run_id>] [--json]
  llmteam approvals decide <approval_id> approve|reject [--data <json|@file>] [--comment <text>]

Run "llmteam approvals <list|decide> --help" for the options.`;

const listUsage = `Usage: llmteam approvals list [options]

Lists approvals (human steps), newest runs first as the server orders them.

Options:
  --status <status>  only this status: ${APPROVAL_STATUSES.join(", ")}
  --run <run_id>     only this run's approvals (a top-level run includes its child runs')
  --json             print the approvals as a JSON array
  --verbose          also log to stderr
  --server <url>     use a running server (needs the REST API: not available yet)
  -h, --help         show this help`;

const decideUsage = `Usage: llmteam approvals decide <approval_id> approve|reject [options]

Records the decision, lets the run continue and waits until it settles again (as
"llmteam run" does). Prints the decided approval as JSON on stdout.

Options:
  --data <json|@file>  approve with edited data (must match the approval's form)
  --comment <text>     a comment kept with the decision
  --events             the run's events from the decision on, as NDJSON on stderr
  --timeout <seconds>  cancel the run if it has not settled by then (exit 1)
  --verbose            also log to stderr
  --server <url>       use a running server (needs the REST API: not available yet)
  -h, --help           show this help

Exit codes: 0 the run completed, 1 it failed or was cancelled, 2 the decision was
refused (already decided, run finished, data not matching the form, unknown id),
3 the run waits for a person again.`;

function formatApprovals(approvals: Approval[]): string {
  if (approvals.length === 0) return "No approvals.";
  return table(
    ["APPROVAL", "STATUS", "RUN", "STEP", "TITLE", "CREATED"],
    approvals.map((a) => [a.approval_id, a.status, a.run_id, a.step_id, a.title, a.created_at]),
  );
}

async function list(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { status: { type: "string" }, run: { type: "string" }, ...JSON_OPTION, ...VERBOSE_OPTION, ...SERVER_OPTION },
    listUsage,
  );
  if (values.help) {
    out(listUsage);
    return EXIT.ok;
  }
  expectPositionals(positionals, [], listUsage);
  refuseServer(values.server);
  const status = values.status;
  if (status !== undefined && !(APPROVAL_STATUSES as readonly string[]).includes(status)) {
    throw new UsageError(`--status must be one of ${APPROVAL_STATUSES.join(", ")} (got "${status}")`, listUsage);
  }
  const filter = status === undefined ? {} : { status: status as ApprovalStatus };
  configureLogs(values.verbose === true);
  const approvals = await withTeam(async (team) => {
    const runId = values.run;
    if (runId === undefined) return team.listApprovals(filter);
    const tree = await team.listApprovals({ ...filter, root_run_id: runId });
    // Not a top-level run: a child run's own approvals.
    return tree.length > 0 ? tree : team.listApprovals({ ...filter, run_id: runId });
  });
  if (values.json) outJson(approvals);
  else out(formatApprovals(approvals));
  return EXIT.ok;
}

async function decide(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      data: { type: "string" },
      comment: { type: "string" },
      events: { type: "boolean" },
      timeout: { type: "string" },
      ...VERBOSE_OPTION,
      ...SERVER_OPTION,
    },
    decideUsage,
  );
  if (values.help) {
    out(decideUsage);
    return EXIT.ok;
  }
  const [approvalId, decision] = expectPositionals(positionals, ["approval_id", "approve|reject"], decideUsage) as [string, string];
  if (decision !== "approve" && decision !== "reject") {
    throw new UsageError(`the decision must be "approve" or "reject" (got "${decision}")`, decideUsage);
  }
  refuseServer(values.server);
  const timeoutMs = parseSeconds(values.timeout, "--timeout", decideUsage);
  const data = values.data === undefined ? undefined : await readJsonArg(values.data, "--data");
  configureLogs(values.verbose === true);
  const { approval, run } = await withTeam((team) =>
    interruptCancels((signal) =>
      team.decide(approvalId, decision, {
        ...(data === undefined ? {} : { data }),
        ...(values.comment === undefined ? {} : { comment: values.comment }),
        ...(values.events ? { onEvent: errJsonLine } : {}),
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        onTimeout: () => err(`llmteam: the run did not settle within ${values.timeout} s; cancelling it`),
        signal,
      }),
    ),
  );
  log(`approval ${approval.approval_id} ${approval.status}; run ${run.run_id}: ${run.status}`);
  outJson(approval);
  return exitCodeForRun(run.status);
}

export const approvalsCommand: Command = {
  name: "approvals",
  usage,
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === "list") return list(rest);
    if (sub === "decide") return decide(rest);
    if (sub === "--help" || sub === "-h" || sub === "help") {
      out(usage);
      return EXIT.ok;
    }
    throw new UsageError(sub === undefined ? "missing subcommand: list or decide" : `unknown subcommand "${sub}"`, usage);
  },
};
