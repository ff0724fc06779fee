/**
 * port_mismatch: an edge's ports exist on its steps' types and may be connected
 * (portsCompatible). An absent port means the type's first port (`out`/`in`; a condition
 * routes on its edges' conditions when no `true`/`false` port is named).
 */
import { portsCompatible } from "../catalog/ports";
import type { Port, StepTypeMetadata } from "../catalog/types";
import { suggestKey } from "../segment/suggest";
import { didYouMean, edgeLabel, edgePath, problemEdge, quote, quoteList } from "./labels";
import { problem, type Problem } from "./types";
import type { CheckContext, EdgeView } from "./view";

type Side = "output" | "input";

function resolvePort(
  edge: EdgeView,
  stepId: string,
  meta: StepTypeMetadata,
  side: Side,
): { port?: Port; problem?: Problem } {
  const ports = side === "output" ? meta.ports.outputs : meta.ports.inputs;
  const named = side === "output" ? edge.from_port : edge.to_port;
  if (named === undefined) return ports[0] === undefined ? {} : { port: ports[0] };
  const port = ports.find((p) => p.id === named);
  if (port !== undefined) return { port };
  const ids = ports.map((p) => p.id);
  const hint = suggestKey(named, ids) ?? (ids.length === 1 ? ids[0] : undefined);
  const tail =
    hint !== undefined ? didYouMean(hint) : ids.length === 0 ? ` (it has no ${side}s)` : `; its ${side}s are ${quoteList(ids)}`;
  const message = `${edgeLabel(edge)} uses ${side} port ${quote(named)}, but step ${quote(stepId)} (${meta.display_name}) has no such port${tail}`;
  return {
    problem: problem("port_mismatch", message, {
      edge: problemEdge(edge),
      path: edgePath(edge, side === "output" ? "from_port" : "to_port"),
    }),
  };
}

export function checkPorts({ view, byId, catalog }: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const edge of view.edges) {
    const from = edge.from_step === undefined ? undefined : byId.get(edge.from_step);
    const to = edge.to_step === undefined ? undefined : byId.get(edge.to_step);
    const fromMeta = from?.type === undefined ? undefined : catalog.get(from.type);
    const toMeta = to?.type === undefined ? undefined : catalog.get(to.type);
    const out = from && fromMeta ? resolvePort(edge, from.step_id, fromMeta, "output") : {};
    const into = to && toMeta ? resolvePort(edge, to.step_id, toMeta, "input") : {};
    if (out.problem) problems.push(out.problem);
    if (into.problem) problems.push(into.problem);
    if (out.port === undefined || into.port === undefined) continue;
    const verdict = portsCompatible(out.port, into.port);
    if (verdict.ok) continue;
    problems.push(
      problem("port_mismatch", `${edgeLabel(edge)} connects incompatible ports: ${verdict.reason}.`, {
        edge: problemEdge(edge),
        path: edgePath(edge),
      }),
    );
  }
  return problems;
}
