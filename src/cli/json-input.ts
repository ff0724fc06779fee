// Reading JSON from files and flags, with errors that say which file or flag and where.
import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { CliError } from "./exit-codes";

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

/** "Unexpected token } in JSON at position 42" → "... (line 3, column 5)". */
function describeParseError(error: unknown, source: string): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/ is not valid JSON$/, "");
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined || /line \d+/.test(message)) return message;
  const before = source.slice(0, Number(position));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `${message} (line ${line}, column ${column})`;
}

export function parseJsonText(source: string, label: string): unknown {
  if (source.trim() === "") throw new CliError(`${label} is empty; expected JSON`);
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new CliError(`${label} is not valid JSON: ${describeParseError(error, source)}`);
  }
}

async function readText(file: string, prefix = ""): Promise<string> {
  try {
    return file === "-" ? await text(process.stdin) : await readFile(file, "utf8");
  } catch (error) {
    throw new CliError(`${prefix}cannot read "${file}": ${describeReadError(error)}`);
  }
}

/** A JSON file (`-`: standard input). */
export async function readJsonFile(file: string): Promise<unknown> {
  const source = await readText(file);
  return parseJsonText(source, file === "-" ? "standard input" : file);
}

/** A flag value: inline JSON, or `@file` (`@-`: standard input). */
export async function readJsonArg(value: string, flag: string): Promise<unknown> {
  if (!value.startsWith("@")) return parseJsonText(value, flag);
  const file = value.slice(1);
  if (file === "") throw new CliError(`${flag} @: expected a file name after @`);
  const source = await readText(file, `${flag}: `);
  return parseJsonText(source, `${flag} ${value}`);
}
