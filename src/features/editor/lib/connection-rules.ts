/**
 * May the user draw this edge? The same rules while dragging (to grey out handles) and on
 * drop: both ends are steps, no self-loop, no duplicate, compatible ports (catalog
 * `portsCompatible`) and no cycle. Reasons are sentences naming the steps as the user sees them.
 */
import type { Connection } from "@xyflow/react";
import {
  builtinCatalog,
  conditionMetadata,
  portsCompatible,
  PORT_FALSE,
  PORT_TRUE,
  type Port,
  type PortDataType,
  type StepCatalog,
  type StepTypeMetadata,
} from "@/shared/catalog";
import { DEFAULT_SOURCE_HANDLE, DEFAULT_TARGET_HANDLE, groupNodeId, type FlowEdge, type StepNode } from "./flow-types";

const FRAME_PREFIX = groupNodeId("");
const isFrameId = (id: string) => id.startsWith(FRAME_PREFIX);

export type ConnectionGraph = {
  /** Step nodes by id. */
  steps: ReadonlyMap<string, StepNode>;
  /** Real edges (as saved). */
  edges: readonly FlowEdge[];
};

const DATA_TYPE_PHRASE: Record<PortDataType, string> = {
  any: "any data",
  text: "text",
  json: "JSON",
  boolean: "a true/false value",
  array: "a list",
  approval: "an approval decision",
};

const quoted = (text: string) => `“${text}”`;
const stepName = (node: StepNode) => quoted(node.data.step.name ?? node.id);

function portOf(node: StepNode, handle: string | null | undefined, side: "output" | "input", catalog: StepCatalog): Port | undefined {
  const meta = catalog.get(node.data.step.type);
  if (!meta) return undefined;
  const ports = side === "output" ? meta.ports.outputs : meta.ports.inputs;
  if (handle === null || handle === undefined || handle === "") return ports[0];
  return ports.find((p) => p.id === handle);
}

/** The handle id an edge gets: the given one, else the type's first port, else the default. */
export function handleFor(
  node: StepNode | undefined,
  handle: string | null | undefined,
  side: "output" | "input",
  catalog: StepCatalog = builtinCatalog,
): string {
  if (handle) return handle;
  const port = node ? portOf(node, undefined, side, catalog) : undefined;
  return port?.id ?? (side === "output" ? DEFAULT_SOURCE_HANDLE : DEFAULT_TARGET_HANDLE);
}

/** `“Urgent?” outputs a true/false value on “True”` when the step has several outputs, else without the port. */
function outputPhrase(node: StepNode, port: Port, what: string, catalog: StepCatalog): string {
  const several = (catalog.get(node.data.step.type)?.ports.outputs.length ?? 0) > 1;
  return `${stepName(node)} outputs ${what}${several ? ` on ${quoted(port.label ?? port.id)}` : ""}`;
}

/** `“Summarize” input` or, with several inputs, `“Merge” input “Left”`. */
function inputPhrase(node: StepNode, port: Port, catalog: StepCatalog): string {
  const several = (catalog.get(node.data.step.type)?.ports.inputs.length ?? 0) > 1;
  return `${stepName(node)} input${several ? ` ${quoted(port.label ?? port.id)}` : ""}`;
}

function incompatibility(from: StepNode, out: Port, to: StepNode, into: Port, catalog: StepCatalog): string | null {
  if (portsCompatible(out, into).ok) return null;
  const target = inputPhrase(to, into, catalog);
  if (out.data_type !== into.data_type && out.data_type !== "any" && into.data_type !== "any") {
    return `${outputPhrase(from, out, DATA_TYPE_PHRASE[out.data_type], catalog)}; ${target} expects ${DATA_TYPE_PHRASE[into.data_type]}.`;
  }
  return `${outputPhrase(from, out, `${out.level}-level data`, catalog)}; ${target} takes ${into.level}-level data only.`;
}

/** A path from `from` to `to` along the edges, or null (breadth first: the shortest one). */
function pathBetween(edges: readonly FlowEdge[], from: string, to: string): string[] | null {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const list = next.get(edge.source);
    if (list) list.push(edge.target);
    else next.set(edge.source, [edge.target]);
  }
  const parent = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i]!;
    if (current === to) {
      const path = [to];
      for (let at = to; at !== from; ) {
        at = parent.get(at)!;
        path.unshift(at);
      }
      return path;
    }
    for (const target of next.get(current) ?? []) {
      if (parent.has(target)) continue;
      parent.set(target, current);
      queue.push(target);
    }
  }
  return null;
}

/** Why this connection would be refused, or null when it may be made. */
export function connectionProblem(
  graph: ConnectionGraph,
  connection: Pick<Connection, "source" | "target" | "sourceHandle" | "targetHandle">,
  catalog: StepCatalog = builtinCatalog,
): string | null {
  const from = graph.steps.get(connection.source);
  const to = graph.steps.get(connection.target);
  if (isFrameId(connection.source) || isFrameId(connection.target)) {
    return "A group's frame cannot be connected: expand the group and connect its steps.";
  }
  if (!from) return `There is no step ${quoted(connection.source)} to connect from.`;
  if (!to) return `There is no step ${quoted(connection.target)} to connect to.`;
  if (from.id === to.id) return `A step cannot connect to itself: cycles are not allowed.`;
  const sourceHandle = handleFor(from, connection.sourceHandle, "output", catalog);
  const targetHandle = handleFor(to, connection.targetHandle, "input", catalog);
  const duplicate = graph.edges.some(
    (e) =>
      e.source === from.id &&
      e.target === to.id &&
      handleFor(from, e.sourceHandle, "output", catalog) === sourceHandle &&
      handleFor(to, e.targetHandle, "input", catalog) === targetHandle,
  );
  if (duplicate) return `${stepName(from)} is already connected to ${stepName(to)} this way.`;
  const fromMeta = catalog.get(from.data.step.type);
  const toMeta = catalog.get(to.data.step.type);
  const out = portOf(from, sourceHandle, "output", catalog);
  const into = portOf(to, targetHandle, "input", catalog);
  if (fromMeta && !out) return `${stepName(from)} has no output ${quoted(sourceHandle)}.`;
  if (toMeta && !into) return `${stepName(to)} has no input ${quoted(targetHandle)}.`;
  if (out && into) {
    const reason = incompatibility(from, out, to, into, catalog);
    if (reason) return reason;
  }
  const back = pathBetween(graph.edges, to.id, from.id);
  if (back) {
    const loop = [from.id, ...back].map((id) => {
      const node = graph.steps.get(id);
      return node ? stepName(node) : quoted(id);
    });
    return `Cycles are not allowed: this edge would close the loop ${loop.join(" → ")}. Use a critic loop step to repeat work until it is good enough, or a map step to repeat it per item.`;
  }
  return null;
}

/**
 * The condition a new edge gets for free: leaving a condition step through `true`/`false`
 * routes on that outcome, written like the shipped examples (`output = true`).
 */
export function conditionForNewEdge(from: StepNode, sourceHandle: string): string | undefined {
  if (from.data.step.type !== conditionMetadata.type_id) return undefined;
  if (sourceHandle === PORT_TRUE) return "output = true";
  if (sourceHandle === PORT_FALSE) return "output = false";
  return undefined;
}

/**
 * The condition an edge keeps when the user drags one of its ends elsewhere: the one it has,
 * unless it is the one a condition's true/false handle gave it for free (`output = true`),
 * which follows the new source handle (and goes when the new source is no condition).
 */
export function conditionAfterReconnect(
  condition: string | undefined,
  before: { from: StepNode; sourceHandle: string },
  after: { from: StepNode; sourceHandle: string },
): string | undefined {
  if (condition === undefined || condition !== conditionForNewEdge(before.from, before.sourceHandle)) return condition;
  return conditionForNewEdge(after.from, after.sourceHandle);
}

/**
 * Which port of a new step of type `candidate` could be wired to an existing handle, or
 * undefined when none could. `side` is the existing handle's side: from an output ("source")
 * the new step needs a compatible input, from an input ("target") a compatible output. The
 * existing port is undefined for a step of an unknown type or a port its type does not
 * declare: then any port fits (as connectionProblem does not check such ports either).
 */
export function linkablePort(existing: Port | undefined, side: "source" | "target", candidate: StepTypeMetadata): Port | undefined {
  const ports = side === "source" ? candidate.ports.inputs : candidate.ports.outputs;
  if (!existing) return ports[0];
  return ports.find((port) => (side === "source" ? portsCompatible(existing, port) : portsCompatible(port, existing)).ok);
}
