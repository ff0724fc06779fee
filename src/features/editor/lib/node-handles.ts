/**
 * Where a step card's handles are, computed from its ports and the card's fixed layout.
 *
 * Why: React Flow mounts every node once to measure its handles, even with
 * `onlyRenderVisibleElements`, unless the node comes with `handles`; at 500 steps that first
 * mount was most of the time to open a segment (docs/performance.md). With these, it mounts
 * only the cards in view and draws the other edges' ends from here.
 *
 * The node also gets the card's size as `measured`, so React Flow counts it as sized: it
 * culls it by its real box, fits the view around it (fitView only counts measured nodes) and
 * skips re-measuring a mounted card whose size matches. A node carries `handles` exactly
 * while its `measured` is this estimate: once React Flow reports a size of its own, the store
 * drops them (`withoutHandleEstimate`), because React Flow lets a node's `handles` override
 * its measured ones each time the node changes, and a card's layout can change after opening
 * (a summary appears, a port row is added).
 *
 * The card (nodes/step/node.tsx, step-handles.tsx) has fixed line heights, so its layout
 * depends only on whether it shows a config summary and on its port rows; the numbers below
 * mirror its markup, and `bench/canvas.ts` checks them against Chromium's layout.
 */
import type { NodeHandle } from "@xyflow/react";
import { Position } from "@xyflow/react";
import { configSummary } from "./config-summary";
import type { FlowEdge, StepNode, StepNodeData } from "./flow-types";
import { handlesUsedBy, stepHandles, type HandleSide } from "./step-ports";

/** The card's geometry in px at zoom 1 (Tailwind classes of the card in parentheses). */
export const STEP_CARD = {
  width: 240,
  /** `border`, all around. */
  border: 1,
  /** Accent bar (`h-1`) and header row (`py-2.5` around a 20px title and a 16px type line). */
  header: 4 + 10 + 20 + 16 + 10,
  /** Config summary box: `-mt-0.5`, 16px line + `py-[3px]` + border, `mb-3`. */
  summary: -2 + 16 + 2 * 3 + 2 + 12,
  /** A block of labelled port rows: `border-t`, `py-1.5`, one `h-6` row per port. */
  rowsBorder: 1,
  rowsPadding: 6,
  row: 24,
  /** Handles are `h-3 w-3` (border-box). */
  handle: 12,
} as const;

/**
 * Vertical centre of the card header, from the card's padding box (the handle's CSS `top`):
 * single handles sit there, so straight rows stay straight.
 */
export const HEADER_HANDLE_TOP = 31;

type CardSide = { side: HandleSide; ids: readonly string[] };

/** The card's size and handle bounds for React Flow (`node.handles`), in node coordinates. */
export type CardLayout = { width: number; height: number; handles: NodeHandle[] };

/**
 * Layout of the card of a step with these data and handle ids per side (declared ports plus
 * ports only edges use, as `stepHandles` lists them). One port on a side sits at the header's
 * middle; several get a block of rows below the header and summary, inputs' block first.
 */
export function stepCardLayout(data: Pick<StepNodeData, "step">, inputs: readonly string[], outputs: readonly string[]): CardLayout {
  const { step } = data;
  const c = STEP_CARD;
  let bottom = c.border + c.header + (configSummary(step.type, step.config) === undefined ? 0 : c.summary);
  const handles: NodeHandle[] = [];
  const sides: CardSide[] = [
    { side: "target", ids: inputs },
    { side: "source", ids: outputs },
  ];
  for (const { side, ids } of sides) {
    if (ids.length === 1) {
      handles.push(handleAt(side, ids[0]!, c.border + HEADER_HANDLE_TOP));
      continue;
    }
    if (ids.length === 0) continue;
    const firstRow = bottom + c.rowsBorder + c.rowsPadding;
    ids.forEach((id, i) => handles.push(handleAt(side, id, firstRow + c.row * i + c.row / 2)));
    bottom = firstRow + c.row * ids.length + c.rowsPadding;
  }
  return { width: c.width, height: bottom + c.border, handles };
}

/** A handle centred vertically on `centreY`, straddling the card's border as React Flow's CSS places it. */
function handleAt(side: HandleSide, id: string, centreY: number): NodeHandle {
  const { width, border, handle } = STEP_CARD;
  const centreX = side === "target" ? border : width - border;
  return {
    id,
    type: side,
    position: side === "target" ? Position.Left : Position.Right,
    x: centreX - handle / 2,
    y: centreY - handle / 2,
    width: handle,
    height: handle,
  };
}

/** The card layout of a step node, with the ports `edges` use on it. */
export function stepNodeLayout(node: Pick<StepNode, "id" | "data">, edges: readonly FlowEdge[]): CardLayout {
  const type = node.data.step.type;
  const ids = (side: HandleSide) => stepHandles(type, side, handlesUsedBy(edges, node.id, side)).map((h) => h.id);
  return stepCardLayout(node.data, ids("target"), ids("source"));
}

/**
 * The node with its estimated size and handles, for a node React Flow has not measured yet
 * (a measured one is returned as it is: its measurement is exact).
 */
export function withHandleEstimate(node: StepNode, edges: readonly FlowEdge[]): StepNode {
  if (node.measured) return node;
  const { width, height, handles } = stepNodeLayout(node, edges);
  return { ...node, initialWidth: width, initialHeight: height, measured: { width, height }, handles };
}

/**
 * The steps with their estimates brought up to date with their data and `edges` (a summary
 * appeared, an edge added a port row); steps without an estimate and unchanged ones are
 * returned as they are, and the same array when nothing changed.
 */
export function withFreshEstimates(steps: StepNode[], edges: readonly FlowEdge[]): StepNode[] {
  let changed = false;
  const fresh = steps.map((node) => {
    if (node.handles === undefined) return node;
    const layout = stepNodeLayout(node, edges);
    if (sameLayout(node, layout)) return node;
    changed = true;
    const { width, height, handles } = layout;
    return { ...node, initialWidth: width, initialHeight: height, measured: { width, height }, handles };
  });
  return changed ? fresh : steps;
}

function sameLayout(node: StepNode, layout: CardLayout): boolean {
  const handles = node.handles ?? [];
  return (
    node.measured?.width === layout.width &&
    node.measured.height === layout.height &&
    handles.length === layout.handles.length &&
    handles.every((h, i) => {
      const other = layout.handles[i]!;
      return h.id === other.id && h.type === other.type && h.x === other.x && h.y === other.y;
    })
  );
}

/** The node without the estimate, once React Flow has measured it (same object when it has none). */
export function withoutHandleEstimate<N extends { handles?: NodeHandle[] }>(node: N): N {
  if (node.handles === undefined) return node;
  const { handles: _handles, ...rest } = node;
  return rest as N;
}
