/**
 * The canvas as an ELK graph (layered, left to right) and ELK's answer as step positions.
 * Pure and JSON-only, so the graph can go to a Web Worker and back.
 *
 * - Every step is a node of its measured size with fixed ports where its handles are drawn
 *   (inputs left, outputs right, in the card's order), so a condition's "true" branch ends
 *   up above its "false" branch and straight connections stay straight.
 * - An expanded group is a compound node around its members (padding leaves room for the
 *   frame's label), so members stay together; a collapsed group is one box, and its hidden
 *   members move along with it.
 * - A very long chain is wrapped into rows, so the whole flow fits a screen.
 * - Document order is a tie-breaker (ELK's model order), with the entrypoint first, so the
 *   same document always gets the same layout.
 */
import type { XYPosition } from "@xyflow/react";
import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from "elkjs/lib/elk-api";
import {
  GROUP_SOURCE_HANDLE,
  GROUP_TARGET_HANDLE,
  isGroupNode,
  isStepNode,
  type EditorNode,
  type FlowEdge,
  type GroupNode,
  type StepNode,
} from "../flow-convert";
import { layerDepths } from "../layout";
import { handlesUsedBy, stepHandles, type HandleSide } from "../step-ports";

/** Size of a card React Flow has not measured yet (hidden or never rendered). */
const FALLBACK_SIZE = { width: 240, height: 88 };
/** Where a lone handle sits (the card header's middle) and how tall a labelled port row is. */
const HEADER_PORT_Y = 31;
const PORT_ROW_HEIGHT = 24;
const PORT_ROWS_BOTTOM_PADDING = 6;
/** The frame draws its label above the members: keep room for it (see groups' frameBox). */
const GROUP_PADDING = "[top=56,left=24,bottom=24,right=24]";

export const ELK_ROOT_OPTIONS: LayoutOptions = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.layered.spacing.nodeNodeBetweenLayers": "96",
  "elk.spacing.nodeNode": "48",
  "elk.spacing.edgeNode": "24",
  "elk.spacing.componentComponent": "96",
  "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.separateConnectedComponents": "true",
};

export type LayoutInput = { nodes: readonly EditorNode[]; edges: readonly FlowEdge[]; entrypoint?: string };

/** Longer chains than this are wrapped into rows (a 500-step chain is otherwise one row 170,000px long). */
export const WRAP_AFTER_LAYERS = 24;

/** Above this many steps node placement switches to the faster Brandes–Köpf (500 chained steps: 0.4 s instead of 2.8 s). */
export const FAST_PLACEMENT_ABOVE = 150;

/** ELK's wrapping: cut the layers into chunks placed below each other, aiming at a screen-like shape. */
const WRAP_OPTIONS: LayoutOptions = {
  "elk.layered.wrapping.strategy": "MULTI_EDGE",
  "elk.aspectRatio": "1.6",
  "elk.layered.wrapping.additionalEdgeSpacing": "24",
};

/** What reading ELK's answer needs that ELK does not carry: kept on the main thread. */
export type LayoutContext = {
  /** ELK node id → the step it places, or the collapsed group (its current position and its hidden members). */
  steps: ReadonlySet<string>;
  collapsed: ReadonlyMap<string, { position: XYPosition; members: readonly StepNode[] }>;
};

export type LayoutPlan = { graph: ElkNode; context: LayoutContext };

const sizeOf = (node: EditorNode) => ({
  width: node.measured?.width ?? node.width ?? FALLBACK_SIZE.width,
  height: node.measured?.height ?? node.height ?? FALLBACK_SIZE.height,
});

type PortIndex = Map<string, Map<HandleSide, Map<string, string>>>;

function stepPorts(node: StepNode, edges: readonly FlowEdge[], height: number, width: number, index: PortIndex, next: () => string): ElkPort[] {
  const ports: ElkPort[] = [];
  const bySide = new Map<HandleSide, Map<string, string>>();
  index.set(node.id, bySide);
  for (const side of ["target", "source"] as const) {
    const handles = stepHandles(node.data.step.type, side, handlesUsedBy(edges, node.id, side));
    const ids = new Map<string, string>();
    bySide.set(side, ids);
    handles.forEach((handle, i) => {
      const id = next();
      ids.set(handle.id, id);
      const y =
        handles.length === 1
          ? HEADER_PORT_Y
          : height - PORT_ROWS_BOTTOM_PADDING - PORT_ROW_HEIGHT * (handles.length - i) + PORT_ROW_HEIGHT / 2;
      ports.push({
        id,
        x: side === "source" ? width : 0,
        y,
        width: 1,
        height: 1,
        layoutOptions: { "elk.port.side": side === "source" ? "EAST" : "WEST" },
      });
    });
  }
  return ports;
}

function stepNode(node: StepNode, edges: readonly FlowEdge[], index: PortIndex, next: () => string): ElkNode {
  const { width, height } = sizeOf(node);
  return {
    id: node.id,
    width,
    height,
    ports: stepPorts(node, edges, height, width, index, next),
    layoutOptions: { "elk.portConstraints": "FIXED_POS" },
  };
}

function collapsedNode(frame: GroupNode, index: PortIndex, next: () => string): ElkNode {
  const { width, height } = sizeOf(frame);
  const inId = next();
  const outId = next();
  index.set(
    frame.id,
    new Map([
      ["target", new Map([[GROUP_TARGET_HANDLE, inId]])],
      ["source", new Map([[GROUP_SOURCE_HANDLE, outId]])],
    ]),
  );
  return {
    id: frame.id,
    width,
    height,
    ports: [
      { id: inId, x: 0, y: height / 2, width: 1, height: 1, layoutOptions: { "elk.port.side": "WEST" } },
      { id: outId, x: width, y: height / 2, width: 1, height: 1, layoutOptions: { "elk.port.side": "EAST" } },
    ],
    layoutOptions: { "elk.portConstraints": "FIXED_POS" },
  };
}

export function buildLayoutGraph({ nodes, edges, entrypoint }: LayoutInput): LayoutPlan {
  let portCount = 0;
  const next = () => `p${portCount++}`;
  const index: PortIndex = new Map();
  const steps = nodes.filter(isStepNode);
  // The entrypoint first: model order puts it at the top of the first layer.
  steps.sort((a, b) => Number(b.id === entrypoint) - Number(a.id === entrypoint));
  const byId = new Map(steps.map((s) => [s.id, s]));
  const groupOfStep = new Map<string, GroupNode>();
  const frames = nodes.filter(isGroupNode);
  for (const frame of frames) for (const id of frame.data.memberIds) if (byId.has(id)) groupOfStep.set(id, frame);

  const children: ElkNode[] = [];
  const compound = new Map<string, ElkNode>();
  const collapsed = new Map<string, { position: XYPosition; members: StepNode[] }>();
  const placed = new Set<string>();
  const addFrame = (frame: GroupNode) => {
    if (compound.has(frame.id) || collapsed.has(frame.id)) return;
    if (frame.data.collapsed) {
      collapsed.set(frame.id, { position: frame.position, members: [] });
      children.push(collapsedNode(frame, index, next));
    } else {
      const box: ElkNode = { id: frame.id, children: [], layoutOptions: { "elk.padding": GROUP_PADDING } };
      compound.set(frame.id, box);
      children.push(box);
    }
  };
  for (const step of steps) {
    const frame = groupOfStep.get(step.id);
    if (frame) {
      addFrame(frame);
      const hiddenIn = collapsed.get(frame.id);
      if (hiddenIn) hiddenIn.members.push(step);
      else compound.get(frame.id)?.children?.push(stepNode(step, edges, index, next));
    } else {
      children.push(stepNode(step, edges, index, next));
    }
    placed.add(step.id);
  }

  const elkEdges: ElkExtendedEdge[] = [];
  edges.forEach((edge, i) => {
    const source = index.get(edge.source)?.get("source")?.get(edge.sourceHandle ?? "");
    const target = index.get(edge.target)?.get("target")?.get(edge.targetHandle ?? "");
    // Both ends inside one collapsed group, or at a port no card draws: nothing to route.
    if (source === undefined || target === undefined) return;
    elkEdges.push({ id: `e${i}`, sources: [source], targets: [target] });
  });

  const depth = Math.max(0, ...layerDepths(steps.map((s) => ({ step_id: s.id })), edges.map((e) => ({ from_step: e.source, to_step: e.target })), entrypoint ?? "").values());
  const layoutOptions: LayoutOptions = { ...ELK_ROOT_OPTIONS };
  // Network simplex places nodes most evenly but grows fast with size; Brandes–Köpf is near-linear.
  if (steps.length > FAST_PLACEMENT_ABOVE) layoutOptions["elk.layered.nodePlacement.strategy"] = "BRANDES_KOEPF";
  if (depth > WRAP_AFTER_LAYERS) Object.assign(layoutOptions, WRAP_OPTIONS);
  return {
    graph: { id: "root", layoutOptions, children, edges: elkEdges },
    context: { steps: placed, collapsed },
  };
}

/** Top-left positions of every step from ELK's answer (children are relative to their parent). */
export function readLayoutPositions(result: ElkNode, context: LayoutContext): Map<string, XYPosition> {
  const positions = new Map<string, XYPosition>();
  const visit = (node: ElkNode, offset: XYPosition) => {
    const at = { x: Math.round(offset.x + (node.x ?? 0)), y: Math.round(offset.y + (node.y ?? 0)) };
    const hidden = context.collapsed.get(node.id);
    if (hidden) {
      const dx = at.x - hidden.position.x;
      const dy = at.y - hidden.position.y;
      for (const member of hidden.members) {
        positions.set(member.id, { x: Math.round(member.position.x + dx), y: Math.round(member.position.y + dy) });
      }
    } else if (context.steps.has(node.id) && !node.children?.length) {
      positions.set(node.id, at);
    }
    for (const child of node.children ?? []) visit(child, at);
  };
  for (const child of result.children ?? []) visit(child, { x: 0, y: 0 });
  return positions;
}
