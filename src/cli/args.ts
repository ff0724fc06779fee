// Flag parsing on node:util's parseArgs: strict (an unknown flag is a usage error) and one
// `--help` for every command.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./exit-codes";

type Options = NonNullable<ParseArgsConfig["options"]>;

export const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;
export const VERBOSE_OPTION = { verbose: { type: "boolean" } } as const;
export const JSON_OPTION = { json: { type: "boolean" } } as const;
export const SERVER_OPTION = { server: { type: "string" } } as const;

export function parseCommandArgs<const T extends Options>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options: { ...HELP_OPTION, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
}

/** Exactly `names.length` positionals, else a usage error naming what is missing or extra. */
export function expectPositionals(positionals: string[], names: string[], usage: string): string[] {
  if (positionals.length < names.length) {
    throw new UsageError(`missing ${names.slice(positionals.length).map((n) => `<${n}>`).join(" ")}`, usage);
  }
  if (positionals.length > names.length) {
    throw new UsageError(`unexpected argument "${positionals[names.length]}"`, usage);
  }
  return positionals;
}

/** `--timeout 30` → 30 000 ms; positive seconds (fractions allowed). */
export function parseSeconds(value: string | undefined, flag: string, usage: string): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || value.trim() === "") {
    throw new UsageError(`${flag} must be a positive number of seconds (got "${value}")`, usage);
  }
  return Math.round(seconds * 1000);
}
