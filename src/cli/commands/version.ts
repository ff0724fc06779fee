// llmteam version
import packageJson from "../../../package.json";
import { expectPositionals, parseCommandArgs } from "../args";
import type { Command } from "../command";
import { EXIT } from "../exit-codes";
import { out } from "../io";

const usage = `Usage: llmteam version

Prints the version of LLMTeam.`;

export const VERSION: string = packageJson.version;

export const versionCommand: Command = {
  name: "version",
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {}, usage);
    if (values.help) {
      out(usage);
      return EXIT.ok;
    }
    expectPositionals(positionals, [], usage);
    out(`llmteam ${VERSION}`);
    return EXIT.ok;
  },
};
