/**
 * The handles a step shows: the ports its type declares in the step catalog (a condition
 * has the outputs "true" and "false"). Unknown types get one input and one output.
 * Ports that edges use but the type does not declare are shown too, so no edge is lost.
 */
import { builtinCatalog } from "@/shared/catalog";
import { DEFAULT_SOURCE_HANDLE, DEFAULT_TARGET_HANDLE, type FlowEdge } from "./flow-convert";

const FALLBACK_OUTPUTS = [DEFAULT_SOURCE_HANDLE] as const;
const FALLBACK_INPUTS = [DEFAULT_TARGET_HANDLE] as const;
const outputsByType = new Map<string, readonly string[]>();
const inputsByType = new Map<string, readonly string[]>();
for (const meta of builtinCatalog.list()) {
  outputsByType.set(meta.type_id, meta.ports.outputs.map((p) => p.id));
  inputsByType.set(meta.type_id, meta.ports.inputs.map((p) => p.id));
}

export function declaredOutputs(type: string): readonly string[] {
  return outputsByType.get(type) ?? FALLBACK_OUTPUTS;
}

export function declaredInputs(type: string): readonly string[] {
  return inputsByType.get(type) ?? FALLBACK_INPUTS;
}

/** Handle ids `edges` attach to `stepId` on the given side, declared ones first. */
export function portsInUse(
  edges: readonly FlowEdge[],
  stepId: string,
  side: "source" | "target",
  declared: readonly string[],
): string[] {
  const ports = [...declared];
  for (const edge of edges) {
    const handle = side === "source" ? edge.sourceHandle : edge.targetHandle;
    if (edge[side] === stepId && handle && !ports.includes(handle)) ports.push(handle);
  }
  return ports;
}
