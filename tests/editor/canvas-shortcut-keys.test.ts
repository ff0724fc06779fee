import { describe, expect, it } from "vitest";
import { keyLabel, matchShortcut, SHORTCUT_SECTIONS, type KeyLike } from "@/features/editor/hooks/shortcut-keys";

const key = (over: Partial<KeyLike>): KeyLike => ({ key: "", code: "", ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...over });

describe("matchShortcut", () => {
  it("undo and both redo spellings, with Ctrl or Cmd", () => {
    expect(matchShortcut(key({ key: "z", code: "KeyZ", ctrlKey: true }))).toBe("undo");
    expect(matchShortcut(key({ key: "z", code: "KeyZ", metaKey: true }))).toBe("undo");
    expect(matchShortcut(key({ key: "Z", code: "KeyZ", ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(matchShortcut(key({ key: "y", code: "KeyY", ctrlKey: true }))).toBe("redo");
  });

  it("letters are matched by physical key, so non-Latin layouts still work", () => {
    expect(matchShortcut(key({ key: "я", code: "KeyZ", ctrlKey: true }))).toBe("undo");
    expect(matchShortcut(key({ key: "в", code: "KeyD", ctrlKey: true }))).toBe("duplicate");
  });

  it("group / ungroup, fit view and auto-layout", () => {
    expect(matchShortcut(key({ code: "KeyG", ctrlKey: true }))).toBe("group");
    expect(matchShortcut(key({ code: "KeyG", ctrlKey: true, shiftKey: true }))).toBe("ungroup");
    expect(matchShortcut(key({ key: "!", code: "Digit1", shiftKey: true }))).toBe("fitView");
    expect(matchShortcut(key({ key: "L", code: "KeyL", shiftKey: true }))).toBe("autoLayout");
  });

  it("plain keys: quick-add, help, delete, escape", () => {
    expect(matchShortcut(key({ key: "/", code: "Slash" }))).toBe("quickAdd");
    expect(matchShortcut(key({ key: "a", code: "KeyA" }))).toBe("quickAdd");
    expect(matchShortcut(key({ key: "?", code: "Slash", shiftKey: true }))).toBe("help");
    expect(matchShortcut(key({ key: "Backspace", code: "Backspace" }))).toBe("delete");
    expect(matchShortcut(key({ key: "Delete", code: "Delete" }))).toBe("delete");
    expect(matchShortcut(key({ key: "Escape", code: "Escape" }))).toBe("escape");
  });

  it("save belongs to the top bar and odd combinations mean nothing", () => {
    expect(matchShortcut(key({ key: "s", code: "KeyS", ctrlKey: true }))).toBeNull();
    expect(matchShortcut(key({ key: "z", code: "KeyZ", ctrlKey: true, altKey: true }))).toBeNull();
    expect(matchShortcut(key({ key: "D", code: "KeyD", ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(matchShortcut(key({ key: "x", code: "KeyX" }))).toBeNull();
  });

  it("the help overlay lists save and the undo key it matches", () => {
    const items = SHORTCUT_SECTIONS.flatMap((s) => s.items);
    expect(items.find((i) => i.label === "Save revision")?.keys).toEqual([["Mod", "S"]]);
    expect(items.find((i) => i.label === "Undo")?.keys).toEqual([["Mod", "Z"]]);
    expect(keyLabel(["Mod", "Shift", "Z"], false)).toBe("Ctrl+Shift+Z");
    expect(keyLabel(["Mod", "Shift", "Z"], true)).toBe("⌘⇧Z");
  });
});
