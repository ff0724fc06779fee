/**
 * map: one child run per item of `items` (a JSONata expression; a single value counts as one
 * item, nothing as none), at most `concurrency` at a time; the output is the children's outputs
 * in item order. The items are kept in the step state so later spawns do not re-evaluate.
 */
import { mapConfigSchema, type MapConfig } from "../../shared/catalog";
import { throwIfChildFailed, totalUsage, FINISHED } from "./children";
import { complete, defineHandler, type ChildRunRequest, type StepOutcome } from "./types";

interface MapState {
  items: unknown[];
  /** Index of the next item without a child run. */
  next: number;
}

function spawn(config: MapConfig, state: MapState, active: number): StepOutcome {
  const children: ChildRunRequest[] = [];
  let next = state.next;
  while (next < state.items.length && active + children.length < config.concurrency) {
    children.push({
      key: String(next),
      segment_id: config.segment_id,
      ...(config.revision === undefined ? {} : { revision: config.revision }),
      input: state.items[next],
    });
    next++;
  }
  return { kind: "suspend", state: { items: state.items, next } satisfies MapState, children };
}

export const mapHandler = defineHandler({
  type: "map",
  config: mapConfigSchema,
  async start(ctx) {
    const value = await ctx.evaluate(ctx.config.items);
    const items = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
    if (items.length === 0) return complete([]);
    return spawn(ctx.config, { items, next: 0 }, 0);
  },
  async resume(ctx) {
    const state = ctx.resume?.state as MapState;
    const children = ctx.resume?.children ?? [];
    throwIfChildFailed(children);
    const done = children.filter((child) => child.status === "completed");
    if (done.length === state.items.length) {
      const outputs = [...done].sort((a, b) => Number(a.key) - Number(b.key)).map((child) => child.output);
      return complete(outputs, { usage: totalUsage(children) });
    }
    const active = children.filter((child) => !FINISHED.has(child.status)).length;
    return spawn(ctx.config, state, active);
  },
});
