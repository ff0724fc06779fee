/**
 * A small deterministic layout for steps without a saved position: columns by BFS depth
 * from the entrypoint (then from every other root, then whatever a cycle left over),
 * rows in document order. Used when a document arrives without positions; the canvas's
 * auto-layout button uses ELK (lib/auto-layout). Also: grid snapping and free spots for new steps.
 */
import type { XYPosition } from "@xyflow/react";
import type { Edge, Step } from "@/shared/segment";

export const LAYOUT_COLUMN_GAP = 320;
export const LAYOUT_ROW_GAP = 176;
/** Space between steps that have a position and the auto-placed ones below them. */
const BELOW_PLACED_GAP = 240;

export type AutoLayoutInput = {
  steps: readonly Pick<Step, "step_id">[];
  edges: readonly Pick<Edge, "from_step" | "to_step">[];
  entrypoint: string;
  /** Steps that already have a position: they are not moved, the rest goes below them. */
  placed?: ReadonlyMap<string, XYPosition>;
};

/** Positions for every step that is not in `placed`. */
export function autoLayout({ steps, edges, entrypoint, placed = new Map() }: AutoLayoutInput): Map<string, XYPosition> {
  const depths = layerDepths(steps, edges, entrypoint);
  const origin = originBelow(placed);
  const rowsPerDepth = new Map<number, number>();
  const result = new Map<string, XYPosition>();
  for (const { step_id } of steps) {
    if (placed.has(step_id) || result.has(step_id)) continue;
    const depth = depths.get(step_id) ?? 0;
    const row = rowsPerDepth.get(depth) ?? 0;
    rowsPerDepth.set(depth, row + 1);
    result.set(step_id, { x: origin.x + depth * LAYOUT_COLUMN_GAP, y: origin.y + row * LAYOUT_ROW_GAP });
  }
  return result;
}

/** BFS depth of every step; unreachable parts start new BFS runs at depth 0. */
export function layerDepths(
  steps: readonly Pick<Step, "step_id">[],
  edges: readonly Pick<Edge, "from_step" | "to_step">[],
  entrypoint: string,
): Map<string, number> {
  const ids = new Set(steps.map((s) => s.step_id));
  const next = new Map<string, string[]>();
  const hasIncoming = new Set<string>();
  for (const { from_step, to_step } of edges) {
    if (!ids.has(from_step) || !ids.has(to_step) || from_step === to_step) continue;
    next.set(from_step, [...(next.get(from_step) ?? []), to_step]);
    hasIncoming.add(to_step);
  }
  const roots = [
    ...(ids.has(entrypoint) ? [entrypoint] : []),
    ...[...ids].filter((id) => !hasIncoming.has(id)),
    ...ids,
  ];
  const depths = new Map<string, number>();
  for (const root of roots) {
    if (depths.has(root)) continue;
    depths.set(root, 0);
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i] as string;
      const depth = depths.get(id) ?? 0;
      for (const target of next.get(id) ?? []) {
        if (depths.has(target)) continue;
        depths.set(target, depth + 1);
        queue.push(target);
      }
    }
  }
  return depths;
}

function originBelow(placed: ReadonlyMap<string, XYPosition>): XYPosition {
  if (placed.size === 0) return { x: 0, y: 0 };
  const positions = [...placed.values()];
  const minX = Math.min(...positions.map((p) => p.x));
  const maxY = Math.max(...positions.map((p) => p.y));
  return { x: minX, y: maxY + BELOW_PLACED_GAP };
}

/** The canvas grid (React Flow's snapGrid): new steps land on it like dragged ones do. */
export const GRID_SIZE = 16;

export function snapToGrid(position: XYPosition, grid = GRID_SIZE): XYPosition {
  return { x: Math.round(position.x / grid) * grid, y: Math.round(position.y / grid) * grid };
}

export type Rect = XYPosition & { width: number; height: number };

/** Room kept around other cards when looking for a free spot. */
const FREE_SPOT_MARGIN = 24;
const FREE_SPOT_STEP = 32;
const FREE_SPOT_RINGS = 24;

const overlaps = (a: Rect, b: Rect, margin: number) =>
  a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;

/**
 * The free spot nearest to `wanted` for a card of `size` that overlaps no `taken` card
 * (searched on rings of grid points around it), so adding steps from the palette into the
 * middle of the view never hides one card under another. Falls back to `wanted`.
 */
export function freeSpot(taken: readonly Rect[], wanted: XYPosition, size: { width: number; height: number }): XYPosition {
  const fits = (p: XYPosition) => !taken.some((t) => overlaps({ ...p, ...size }, t, FREE_SPOT_MARGIN));
  if (fits(wanted)) return wanted;
  for (let ring = 1; ring <= FREE_SPOT_RINGS; ring++) {
    const candidates: XYPosition[] = [];
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        candidates.push({ x: wanted.x + dx * FREE_SPOT_STEP, y: wanted.y + dy * FREE_SPOT_STEP });
      }
    }
    const distance = (p: XYPosition) => (p.x - wanted.x) ** 2 + (p.y - wanted.y) ** 2;
    candidates.sort((a, b) => distance(a) - distance(b));
    const found = candidates.find(fits);
    if (found) return found;
  }
  return wanted;
}
