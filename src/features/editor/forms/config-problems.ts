/**
 * Problems of a config being typed, before it reaches the store: the shared validator run
 * on a one-step document holding the draft. Same checks and wording as the problems list,
 * but immediate, so the message under a field follows the keystrokes instead of the
 * committed value. The store's own problems still supply everything the draft cannot know
 * (ports, graph, anything about other steps).
 */
import type { StepCatalog } from "@/shared/catalog";
import { validateSegment, type Problem } from "@/shared/validation";
import { stepFieldPath } from "./field-errors";

/** Codes the one-step check decides for a config: the store's versions are stale while typing. */
const DRAFT_CODES = new Set<Problem["code"]>(["invalid_config", "invalid_expression", "legacy_placeholder"]);

export function draftConfigProblems(
  step: { step_id: string; type: string },
  config: Record<string, unknown>,
  catalog?: StepCatalog,
): Problem[] {
  const doc = {
    segment_id: "draft",
    name: "draft",
    entrypoint: step.step_id,
    steps: [{ step_id: step.step_id, type: step.type, config }],
  };
  const { problems } = validateSegment(doc, catalog);
  return problems.filter((p) => DRAFT_CODES.has(p.code) && stepFieldPath(p, "config") !== undefined);
}

/** The draft's config problems plus the store's other problems located in the config. */
export function mergeConfigProblems(draft: readonly Problem[], stored: readonly Problem[]): Problem[] {
  return [...draft, ...stored.filter((p) => !DRAFT_CODES.has(p.code) && stepFieldPath(p, "config") !== undefined)];
}
