/**
 * invalid_config: each step's config against its type's zod schema, one problem per issue,
 * located at `steps[i].config.<path>` and worded for a person.
 */
import { z } from "zod";
import { formatPath, issueMessage } from "../segment/messages";
import { suggestKey } from "../segment/suggest";
import type { StepTypeMetadata } from "../catalog/types";
import { didYouMean, quote, quoteList, stepLabel, stepPath } from "./labels";
import { problem, type Problem } from "./types";
import type { CheckContext, StepView } from "./view";

type Path = readonly PropertyKey[];

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}

/** Keys the strict object at `path` of a config schema accepts. */
function allowedKeysAt(schema: z.ZodType, path: Path): string[] {
  let current = unwrap(schema);
  for (const key of path) {
    if (!(current instanceof z.ZodObject) || typeof key !== "string") return [];
    const next = (current.shape as Record<string, z.ZodType | undefined>)[key];
    if (next === undefined) return [];
    current = unwrap(next);
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/**
 * Error map for config parsing: the contract's wording, with the config-relative path as the
 * field name (`generator.llm_ref is required`). Messages written into a schema win over it.
 */
const configErrorMap: z.core.$ZodErrorMap = (issue) => {
  const path = issue.path ?? [];
  return issueMessage({ ...issue, path: [path.length === 0 ? "config" : formatPath(path)] });
};

function issueProblems(step: StepView, meta: StepTypeMetadata, issue: z.core.$ZodIssue): Problem[] {
  const where = { step_id: step.step_id };
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedKeysAt(meta.config_schema, issue.path);
    const inside = issue.path.length === 0 ? "" : ` in ${formatPath(issue.path)}`;
    return issue.keys.map((key) => {
      const suggestion = suggestKey(key, allowed);
      const owner = issue.path.length === 0 ? meta.type_id : formatPath(issue.path);
      const hint = suggestion !== undefined ? didYouMean(suggestion) : `; ${owner} accepts ${quoteList(allowed, "or")}`;
      return problem("invalid_config", `${stepLabel(step)}: unknown config key ${quote(key)}${inside}${hint}`, {
        ...where,
        path: stepPath(step, "config", ...issue.path, key),
      });
    });
  }
  return [
    problem("invalid_config", `${stepLabel(step)}: ${issue.message}`, {
      ...where,
      path: stepPath(step, "config", ...issue.path),
    }),
  ];
}

export function checkConfigs({ view, catalog }: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const step of view.steps ?? []) {
    const meta = step.type === undefined ? undefined : catalog.get(step.type);
    if (meta === undefined || step.config === undefined) continue;
    const result = meta.config_schema.safeParse(step.config, { error: configErrorMap });
    if (result.success) continue;
    for (const issue of result.error.issues) problems.push(...issueProblems(step, meta, issue));
  }
  return problems;
}
