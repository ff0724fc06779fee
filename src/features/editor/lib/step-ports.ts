/**
 * The handles a step shows: the ports its type declares in the step catalog (a condition
 * has the outputs "true" and "false"). Unknown types get one input and one output.
 * Ports that edges use but the type does not declare are shown too, so no edge is lost.
 */
import { builtinCatalog, type Port, type PortLevel } from "@/shared/catalog";
import { DEFAULT_SOURCE_HANDLE, DEFAULT_TARGET_HANDLE, type FlowEdge } from "./flow-types";

export type HandleSide = "source" | "target";

/** A handle as the canvas draws it; `level` is null for ports no catalog type declares. */
export type HandleInfo = { id: string; label: string; level: PortLevel | null; dataType: string | null; description?: string };

const FALLBACK_OUTPUTS = [DEFAULT_SOURCE_HANDLE] as const;
const FALLBACK_INPUTS = [DEFAULT_TARGET_HANDLE] as const;
const outputsByType = new Map<string, readonly string[]>();
const inputsByType = new Map<string, readonly string[]>();
const portsByType = new Map<string, { source: readonly Port[]; target: readonly Port[] }>();
for (const meta of builtinCatalog.list()) {
  outputsByType.set(meta.type_id, meta.ports.outputs.map((p) => p.id));
  inputsByType.set(meta.type_id, meta.ports.inputs.map((p) => p.id));
  portsByType.set(meta.type_id, { source: meta.ports.outputs, target: meta.ports.inputs });
}

export function declaredOutputs(type: string): readonly string[] {
  return outputsByType.get(type) ?? FALLBACK_OUTPUTS;
}

export function declaredInputs(type: string): readonly string[] {
  return inputsByType.get(type) ?? FALLBACK_INPUTS;
}

/** The catalog port behind a handle, if the type declares it. */
export function declaredPort(type: string, side: HandleSide, handleId: string): Port | undefined {
  return portsByType.get(type)?.[side].find((p) => p.id === handleId);
}

/** Handle ids `edges` attach to `stepId` on the given side, declared ones first. */
export function portsInUse(
  edges: readonly FlowEdge[],
  stepId: string,
  side: HandleSide,
  declared: readonly string[],
): string[] {
  const ports = [...declared];
  for (const edge of edges) {
    const handle = side === "source" ? edge.sourceHandle : edge.targetHandle;
    if (edge[side] === stepId && handle && !ports.includes(handle)) ports.push(handle);
  }
  return ports;
}

type UsedHandles = Map<string, { source: string[]; target: string[] }>;
const EMPTY: readonly string[] = Object.freeze([]);
const usedHandleIndex = new WeakMap<readonly FlowEdge[], UsedHandles>();

/**
 * Handle ids that edges use on a step's side. Indexed once per edges array (the store keeps
 * the array identity until edges change), so 500 nodes each asking is O(edges), not O(n·edges).
 */
export function handlesUsedBy(edges: readonly FlowEdge[], stepId: string, side: HandleSide): readonly string[] {
  let index = usedHandleIndex.get(edges);
  if (!index) {
    index = new Map();
    for (const edge of edges) {
      addUsed(index, edge.source, "source", edge.sourceHandle);
      addUsed(index, edge.target, "target", edge.targetHandle);
    }
    usedHandleIndex.set(edges, index);
  }
  return index.get(stepId)?.[side] ?? EMPTY;
}

function addUsed(index: UsedHandles, stepId: string, side: HandleSide, handle: string | null | undefined): void {
  if (!handle) return;
  let entry = index.get(stepId);
  if (!entry) {
    entry = { source: [], target: [] };
    index.set(stepId, entry);
  }
  if (!entry[side].includes(handle)) entry[side].push(handle);
}

/** Every handle a step of `type` shows on one side: declared ports, then the extra ones edges use. */
export function stepHandles(type: string, side: HandleSide, used: readonly string[]): HandleInfo[] {
  const declared = portsByType.get(type)?.[side];
  const handles: HandleInfo[] = declared
    ? declared.map((p) => ({
        id: p.id,
        label: p.label ?? p.id,
        level: p.level,
        dataType: p.data_type,
        ...(p.description ? { description: p.description } : {}),
      }))
    : [{ id: side === "source" ? DEFAULT_SOURCE_HANDLE : DEFAULT_TARGET_HANDLE, label: side === "source" ? "Output" : "Input", level: null, dataType: null }];
  for (const id of used) {
    if (!handles.some((h) => h.id === id)) handles.push({ id, label: id, level: null, dataType: null });
  }
  return handles;
}
