/** One `llmteam <name>` command. `run` returns the exit code; expected failures throw CliError. */
export type Command = {
  name: string;
  /** The full `--help` text. */
  usage: string;
  run(argv: string[]): Promise<number>;
};
