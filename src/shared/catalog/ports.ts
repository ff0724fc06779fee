/**
 * Port compatibility: may an edge connect output `from` to input `to`?
 *
 * Data types (from → to):
 * - `any` on either side matches everything (most inputs are `any`: steps read their input
 *   through expressions and templates, so they accept whatever arrives).
 * - Otherwise the types must be equal, with two widenings into `json`: an `array` and an
 *   `approval` (a decision object) are JSON values, so they may feed a `json` input.
 * - Not ok, for example: `text` → `json` (text must be parsed first, e.g. by a transform with
 *   `$eval`), `boolean` → anything but `any`/`boolean`, `json` → `array` (not every JSON value
 *   is an array), `json` → `text`.
 *
 * Levels (from → to), seed P1-7: `workflow` data may feed every level; `agent` output may
 * feed workflow steps (a condition on an agent's JSON), other agents and humans; `human`
 * output (a decision) may feed anything. So with today's three levels every pairing is
 * allowed: the level tells the editor who produces and consumes the data, and LEVEL_FEEDS is
 * the one place a restriction would be added.
 */
import type { Port, PortDataType, PortLevel } from "./types";

export type PortCompatibility = { ok: true } | { ok: false; reason: string };

/** Output level → the input levels it may feed. */
export const LEVEL_FEEDS: Readonly<Record<PortLevel, readonly PortLevel[]>> = {
  workflow: ["workflow", "agent", "human"],
  agent: ["workflow", "agent", "human"],
  human: ["workflow", "agent", "human"],
};

/** Output data type → the other (non-`any`) input data types it may feed besides its own. */
const WIDENS_TO: Readonly<Partial<Record<PortDataType, readonly PortDataType[]>>> = {
  array: ["json"],
  approval: ["json"],
};

const HINTS: Readonly<Partial<Record<`${PortDataType}->${PortDataType}`, string>>> = {
  "text->json": " (parse the text first, e.g. with a transform step using $eval)",
  "json->text": " (turn it into text first, e.g. with a transform step using $string)",
};


export function dataTypesCompatible(from: PortDataType, to: PortDataType): boolean {
  return from === "any" || to === "any" || from === to || (WIDENS_TO[from]?.includes(to) ?? false);
}

export function levelsCompatible(from: PortLevel, to: PortLevel): boolean {
  return LEVEL_FEEDS[from].includes(to);
}

/** May output port `from` feed input port `to`? The reason is a sentence for the editor. */
export function portsCompatible(from: Port, to: Port): PortCompatibility {
  if (!levelsCompatible(from.level, to.level)) {
    return {
      ok: false,
      reason: `output "${from.id}" carries ${from.level}-level data, which may not feed the ${to.level}-level input "${to.id}"`,
    };
  }
  if (!dataTypesCompatible(from.data_type, to.data_type)) {
    const hint = HINTS[`${from.data_type}->${to.data_type}`] ?? "";
    return {
      ok: false,
      reason: `output "${from.id}" carries ${from.data_type} but input "${to.id}" expects ${to.data_type}${hint}`,
    };
  }
  return { ok: true };
}
