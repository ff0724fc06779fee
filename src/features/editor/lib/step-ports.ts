/**
 * The handles a step shows. Stand-in for the step catalog's port metadata: a condition has
 * the outputs "true" and "false", every other type one output; every type one input.
 * Ports that edges use but the type does not declare are shown too, so no edge is lost.
 */
import { DEFAULT_SOURCE_HANDLE, DEFAULT_TARGET_HANDLE, type FlowEdge } from "./flow-convert";

const OUTPUTS: Record<string, readonly string[]> = {
  condition: ["true", "false"],
};

export function declaredOutputs(type: string): readonly string[] {
  return OUTPUTS[type] ?? [DEFAULT_SOURCE_HANDLE];
}

export function declaredInputs(_type: string): readonly string[] {
  return [DEFAULT_TARGET_HANDLE];
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
