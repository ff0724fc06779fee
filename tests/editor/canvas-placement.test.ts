import { describe, expect, it } from "vitest";
import { freeSpot, snapToGrid } from "@/features/editor/lib/layout";

const card = { width: 240, height: 96 };

describe("new step placement", () => {
  it("snaps to the 16px grid", () => {
    expect(snapToGrid({ x: 7, y: 9 })).toEqual({ x: 0, y: 16 });
    expect(snapToGrid({ x: -25, y: 40 })).toEqual({ x: -32, y: 48 });
  });

  it("keeps the wanted spot when it is free", () => {
    expect(freeSpot([{ x: 1000, y: 1000, ...card }], { x: 0, y: 0 }, card)).toEqual({ x: 0, y: 0 });
  });

  it("never-stacks-on-an-existing-card: moves to the nearest spot clear of every card", () => {
    const taken = [{ x: 0, y: 0, ...card }];
    const spot = freeSpot(taken, { x: 10, y: 10 }, card);
    const overlaps = spot.x < 240 + 24 && spot.x + 240 + 24 > 0 && spot.y < 96 + 24 && spot.y + 96 + 24 > 0;
    expect(overlaps).toBe(false);
    // nearest: above or below the card rather than far away
    expect(Math.hypot(spot.x - 10, spot.y - 10)).toBeLessThan(200);
  });
});
