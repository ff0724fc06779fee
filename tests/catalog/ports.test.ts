import { describe, expect, it } from "vitest";
import { PORT_DATA_TYPES, PORT_LEVELS, portsCompatible, type Port, type PortDataType } from "../../src/shared/catalog";

const port = (id: string, data_type: PortDataType, level: Port["level"] = "workflow"): Port => ({ id, level, data_type });

/** Expected data-type matrix, output (row) → input (column): the documented rule. */
const ALLOWED: Record<PortDataType, PortDataType[]> = {
  any: ["any", "text", "json", "boolean", "array", "approval"],
  text: ["any", "text"],
  json: ["any", "json"],
  boolean: ["any", "boolean"],
  array: ["any", "array", "json"],
  approval: ["any", "approval", "json"],
};

describe("portsCompatible", () => {
  const cases = PORT_DATA_TYPES.flatMap((from) => PORT_DATA_TYPES.map((to) => [from, to] as const));

  it.each(cases)("data type %s → %s follows the matrix", (from, to) => {
    const verdict = portsCompatible(port("out", from), port("in", to));
    expect(verdict.ok).toBe(ALLOWED[from].includes(to));
  });

  it("text into a json input is refused with a reason that says what to do", () => {
    const verdict = portsCompatible(port("out", "text"), port("in", "json"));
    expect(verdict).toEqual({
      ok: false,
      reason: 'output "out" carries text but input "in" expects json (parse the text first, e.g. with a transform step using $eval)',
    });
  });

  it("a boolean (condition branch) only goes into any or boolean inputs", () => {
    expect(portsCompatible(port("true", "boolean"), port("in", "any")).ok).toBe(true);
    expect(portsCompatible(port("true", "boolean"), port("in", "boolean")).ok).toBe(true);
    for (const to of ["text", "json", "array", "approval"] as const) {
      const verdict = portsCompatible(port("true", "boolean"), port("in", to));
      expect(verdict.ok ? "" : verdict.reason).toContain(`expects ${to}`);
    }
  });

  it.each(PORT_LEVELS.flatMap((from) => PORT_LEVELS.map((to) => [from, to] as const)))(
    "level %s → %s is allowed (human outputs feed anything; workflow and agent data flow both ways)",
    (from, to) => {
      expect(portsCompatible(port("out", "any", from), port("in", "any", to))).toEqual({ ok: true });
    },
  );
});
