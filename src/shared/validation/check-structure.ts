/**
 * Structure: the segment has steps, ids are unique, types exist, the entrypoint and every
 * edge end name existing steps, and no edge is written twice.
 */
import { suggestKey } from "../segment/suggest";
import { PORT_IN, PORT_OUT } from "../catalog/steps/common";
import { didYouMean, edgeLabel, edgePath, problemEdge, quote, quoteList, stepLabel, stepPath } from "./labels";
import { problem, type Problem } from "./types";
import type { CheckContext, EdgeView } from "./view";

export function checkStructure(ctx: CheckContext): Problem[] {
  const { view } = ctx;
  if (view.steps === undefined) return []; // the contract reports a missing or malformed `steps`
  if (view.steps.length === 0) {
    return [problem("empty_segment", "The segment has no steps: add at least one step and make it the entrypoint.", { path: "steps" })];
  }
  return [...duplicateIds(ctx), ...unknownTypes(ctx), ...unknownEntrypoint(ctx), ...unknownEndpoints(ctx), ...duplicateEdges(ctx)];
}

function duplicateIds({ view, byId }: CheckContext): Problem[] {
  return (view.steps ?? []).flatMap((step) => {
    const first = byId.get(step.step_id);
    if (first === undefined || first.index === step.index) return [];
    return [
      problem(
        "duplicate_step_id",
        `${stepLabel(step)} is defined twice (steps[${first.index}] and steps[${step.index}]): step ids must be unique — rename one of them.`,
        { step_id: step.step_id, path: stepPath(step, "step_id") },
      ),
    ];
  });
}

function unknownTypes({ view, catalog }: CheckContext): Problem[] {
  const known = catalog.typeIds();
  return (view.steps ?? []).flatMap((step) => {
    if (step.type === undefined || catalog.has(step.type)) return [];
    const suggestion = suggestKey(step.type, known);
    const tail = suggestion === undefined ? `. Known types: ${quoteList(known)}.` : didYouMean(suggestion);
    return [
      problem("unknown_step_type", `${stepLabel(step)} has an unknown type ${quote(step.type)}${tail}`, {
        step_id: step.step_id,
        path: stepPath(step, "type"),
      }),
    ];
  });
}

function unknownEntrypoint({ view, byId }: CheckContext): Problem[] {
  if (view.entrypoint === undefined || byId.has(view.entrypoint)) return [];
  const ids = [...byId.keys()];
  const suggestion = suggestKey(view.entrypoint, ids);
  const hint = suggestion !== undefined ? didYouMean(suggestion) : `. Steps: ${quoteList(ids.slice(0, 10))}${ids.length > 10 ? ", …" : ""}.`;
  return [
    problem("unknown_entrypoint", `The entrypoint ${quote(view.entrypoint)} is not a step of this segment${hint}`, {
      path: "entrypoint",
    }),
  ];
}

function unknownEndpoints({ view, byId }: CheckContext): Problem[] {
  const ids = [...byId.keys()];
  const problems: Problem[] = [];
  for (const edge of view.edges) {
    for (const [end, side] of [
      ["from_step", "comes from"],
      ["to_step", "goes to"],
    ] as const) {
      const stepId = edge[end];
      if (stepId === undefined || byId.has(stepId)) continue;
      problems.push(
        problem(
          "unknown_edge_endpoint",
          `${edgeLabel(edge)} ${side} ${quote(stepId)}, which is not a step of this segment${didYouMean(suggestKey(stepId, ids))}`,
          { edge: problemEdge(edge), path: edgePath(edge, end) },
        ),
      );
    }
  }
  return problems;
}

/** Same ends and ports (an absent port is the default `out`/`in`). */
const edgeKey = (edge: EdgeView): string =>
  JSON.stringify([edge.from_step, edge.from_port ?? PORT_OUT, edge.to_step, edge.to_port ?? PORT_IN]);

function duplicateEdges({ view }: CheckContext): Problem[] {
  const seen = new Map<string, EdgeView>();
  const problems: Problem[] = [];
  for (const edge of view.edges) {
    if (edge.from_step === undefined || edge.to_step === undefined) continue;
    const key = edgeKey(edge);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, edge);
      continue;
    }
    problems.push(
      problem(
        "duplicate_edge",
        `${edgeLabel(edge)} is drawn twice (edges[${first.index}] and edges[${edge.index}], same ports): remove one of them.`,
        { edge: problemEdge(edge), path: edgePath(edge) },
      ),
    );
  }
  return problems;
}
