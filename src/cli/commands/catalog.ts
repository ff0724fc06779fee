// llmteam catalog: the step types a segment can use.
import { builtinCatalog } from "../../shared/catalog";
import { JSON_OPTION, expectPositionals, parseCommandArgs } from "../args";
import type { Command } from "../command";
import { EXIT } from "../exit-codes";
import { table } from "../format";
import { out, outJson } from "../io";

const usage = `Usage: llmteam catalog [options]

Lists the step types: type id, category and description.

Options:
  --json      print the full descriptions (ports, config JSON Schema) as JSON
  -h, --help  show this help`;

export const catalogCommand: Command = {
  name: "catalog",
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { ...JSON_OPTION }, usage);
    if (values.help) {
      out(usage);
      return EXIT.ok;
    }
    expectPositionals(positionals, [], usage);
    if (values.json) {
      outJson(builtinCatalog.describe());
      return EXIT.ok;
    }
    const rows = builtinCatalog.list().map((meta) => [meta.type_id, meta.category, meta.description]);
    out(table(["TYPE", "CATEGORY", "DESCRIPTION"], rows));
    return EXIT.ok;
  },
};
