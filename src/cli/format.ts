// Human-readable output: aligned tables and validation problems.
import type { Problem } from "../shared/validation";

/** Left-aligned columns separated by two spaces; the last column is not padded. */
export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? "").length)));
  return all
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  "))
    .join("\n");
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function where(problem: Problem): string {
  const parts: string[] = [];
  if (problem.path) parts.push(problem.path);
  if (problem.step_id && !problem.path?.includes(problem.step_id)) parts.push(`step "${problem.step_id}"`);
  if (problem.edge && !problem.path) parts.push(`edge ${problem.edge.from_step} → ${problem.edge.to_step}`);
  return parts.length ? ` at ${parts.join(", ")}` : "";
}

/** `error   unknown_step_type at steps[1].type, step "b": …` */
export function formatProblem(problem: Problem): string {
  return `${problem.severity.padEnd(7)} ${problem.code}${where(problem)}: ${problem.message}`;
}

/** `2 errors, 1 warning` */
export function countProblems(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const parts = [plural(errors, "error")];
  if (warnings > 0) parts.push(plural(warnings, "warning"));
  return parts.join(", ");
}

/** A header line, then one indented line per problem. */
export function formatProblems(label: string, problems: Problem[]): string {
  return [`${label} (${countProblems(problems)}):`, ...problems.map((p) => `  ${formatProblem(p)}`)].join("\n");
}
