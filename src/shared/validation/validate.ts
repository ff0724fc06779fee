/**
 * validateSegment: the segment contract plus everything the contract cannot see (step types,
 * config, expressions, ports, the graph), all problems at once. Isomorphic: the editor runs
 * it on every change, the API and the CLI before saving or running.
 */
import { builtinCatalog } from "../catalog/builtin";
import type { StepCatalog } from "../catalog/catalog";
import { parseSegment } from "../segment/parse";
import { checkConfigs } from "./check-config";
import { checkExpressions } from "./check-expressions";
import { checkGraph } from "./check-graph";
import { checkPorts } from "./check-ports";
import { checkStructure } from "./check-structure";
import { problem, type Problem, type ProblemCode, type ValidationResult } from "./types";
import { segmentView, stepsById, type CheckContext } from "./view";

const CONTRACT_CODES = new Set<string>(["unknown_key", "invalid_value", "missing_field"]);

/**
 * Validates a segment document (already JSON-decoded). Problems come in a stable order:
 * contract, structure, config, expressions, ports, graph. When the contract does not parse,
 * the other checks still run on the steps and edges that can be read.
 */
export function validateSegment(doc: unknown, catalog: StepCatalog = builtinCatalog): ValidationResult {
  const parsed = parseSegment(doc);
  const problems: Problem[] = parsed.ok
    ? []
    : parsed.problems.map(({ code, message, path, step_id }) =>
        problem((CONTRACT_CODES.has(code) ? code : "invalid_value") as ProblemCode, message, {
          path,
          ...(step_id === undefined ? {} : { step_id }),
        }),
      );
  const view = segmentView(parsed.ok ? parsed.segment : doc);
  const ctx: CheckContext = { view, byId: stepsById(view), catalog };
  problems.push(...checkStructure(ctx), ...checkConfigs(ctx), ...checkExpressions(ctx), ...checkPorts(ctx), ...checkGraph(ctx));
  const ok = problems.every((p) => p.severity !== "error");
  return parsed.ok ? { ok, segment: parsed.segment, problems } : { ok, problems };
}
