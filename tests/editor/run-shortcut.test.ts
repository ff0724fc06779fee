import { describe, expect, it } from "vitest";
import { matchShortcut, SHORTCUT_SECTIONS, type KeyLike } from "@/features/editor/hooks/shortcut-keys";

const key = (over: Partial<KeyLike>): KeyLike => ({ key: "", code: "", ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...over });

describe("the Run shortcut", () => {
  it("is Ctrl+Enter or Cmd+Enter, from either Enter key", () => {
    expect(matchShortcut(key({ key: "Enter", code: "Enter", ctrlKey: true }))).toBe("run");
    expect(matchShortcut(key({ key: "Enter", code: "Enter", metaKey: true }))).toBe("run");
    expect(matchShortcut(key({ key: "Enter", code: "NumpadEnter", ctrlKey: true }))).toBe("run");
  });

  it("plain Enter and Shift/Alt combinations do not run", () => {
    expect(matchShortcut(key({ key: "Enter", code: "Enter" }))).toBeNull();
    expect(matchShortcut(key({ key: "Enter", code: "Enter", ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(matchShortcut(key({ key: "Enter", code: "Enter", ctrlKey: true, altKey: true }))).toBeNull();
  });

  it("is listed in the help overlay with the keys it matches", () => {
    const items = SHORTCUT_SECTIONS.flatMap((s) => s.items);
    expect(items.find((i) => i.label === "Run the segment")?.keys).toEqual([["Mod", "Enter"]]);
  });
});
