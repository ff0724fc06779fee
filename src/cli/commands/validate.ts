// llmteam validate <file>: every problem of a segment document, for people or as JSON.
import { validateSegment } from "../../shared/validation";
import { expectPositionals, JSON_OPTION, parseCommandArgs } from "../args";
import type { Command } from "../command";
import { EXIT } from "../exit-codes";
import { formatProblems } from "../format";
import { out, outJson } from "../io";
import { readJsonFile } from "../json-input";

const usage = `Usage: llmteam validate <segment.json> [options]

Checks a segment document (contract, step configs, expressions, ports, graph) and
lists every problem found. Warnings do not make it invalid. Needs no database.

Options:
  --json      print {"ok": boolean, "problems": [...]} instead of text
  -h, --help  show this help

Exit codes: 0 valid (warnings allowed), 2 invalid or unreadable.`;

export const validateCommand: Command = {
  name: "validate",
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { ...JSON_OPTION }, usage);
    if (values.help) {
      out(usage);
      return EXIT.ok;
    }
    const [file] = expectPositionals(positionals, ["segment.json"], usage) as [string];
    const result = validateSegment(await readJsonFile(file));
    if (values.json) {
      outJson({ ok: result.ok, problems: result.problems });
    } else if (result.problems.length === 0) {
      out(`${file}: valid`);
    } else if (result.ok) {
      out(formatProblems(`${file}: valid`, result.problems));
    } else {
      out(formatProblems(`${file}: invalid`, result.problems));
    }
    return result.ok ? EXIT.ok : EXIT.usage;
  },
};
