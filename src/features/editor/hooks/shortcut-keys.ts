/**
 * The editor's keyboard shortcuts: which key does what (matchShortcut) and the list the help
 * overlay shows (SHORTCUT_SECTIONS). One table, so the overlay never lies about the keys.
 * Letters are matched by `code` with a modifier (layout-independent), symbols by `key`.
 */
export type ShortcutId =
  | "undo"
  | "redo"
  | "delete"
  | "copy"
  | "cut"
  | "paste"
  | "duplicate"
  | "selectAll"
  | "group"
  | "ungroup"
  | "quickAdd"
  | "help"
  | "fitView"
  | "autoLayout"
  | "zoomIn"
  | "zoomOut"
  | "zoomReset"
  | "run"
  | "escape";

export type KeyLike = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

const MOD_CODES: Readonly<Record<string, ShortcutId | { plain: ShortcutId; shift: ShortcutId }>> = {
  KeyZ: { plain: "undo", shift: "redo" },
  KeyY: "redo",
  KeyC: "copy",
  KeyX: "cut",
  KeyV: "paste",
  KeyD: "duplicate",
  KeyA: "selectAll",
  KeyG: { plain: "group", shift: "ungroup" },
  Equal: "zoomIn",
  NumpadAdd: "zoomIn",
  Minus: "zoomOut",
  NumpadSubtract: "zoomOut",
  Digit0: "zoomReset",
  Numpad0: "zoomReset",
  // Run is handled by the top bar's Run button (it also works from text fields).
  Enter: "run",
  NumpadEnter: "run",
};

/** The shortcut a key press means, or null. Ctrl and ⌘ are the same modifier. */
export function matchShortcut(event: KeyLike): ShortcutId | null {
  if (event.altKey) return null;
  const mod = event.ctrlKey || event.metaKey;
  if (mod) {
    const entry = MOD_CODES[event.code];
    if (entry === undefined) return null;
    if (typeof entry === "string") return event.shiftKey && entry !== "zoomIn" ? null : entry;
    return event.shiftKey ? entry.shift : entry.plain;
  }
  if (event.key === "Escape") return "escape";
  if (event.key === "Delete" || event.key === "Backspace") return "delete";
  if (event.key === "?") return "help";
  if (event.shiftKey && event.code === "Digit1") return "fitView";
  if (event.shiftKey && event.code === "KeyL") return "autoLayout";
  if (!event.shiftKey && (event.key === "/" || event.key === "a" || event.key === "A")) return "quickAdd";
  return null;
}

/** Shortcuts that change the document: off on a read-only canvas. */
export const EDITING_SHORTCUTS: ReadonlySet<ShortcutId> = new Set([
  "undo",
  "redo",
  "delete",
  "cut",
  "paste",
  "duplicate",
  "group",
  "ungroup",
  "quickAdd",
  "autoLayout",
]);

/** Key caps: "Mod" is shown as ⌘ on Apple keyboards and Ctrl elsewhere. */
export type ShortcutHelp = { keys: readonly (readonly string[])[]; label: string };
export type ShortcutSection = { title: string; items: readonly ShortcutHelp[] };

export const SHORTCUT_SECTIONS: readonly ShortcutSection[] = [
  {
    title: "Build",
    items: [
      { keys: [["/"], ["A"]], label: "Add a step at the cursor" },
      { keys: [["Double-click"]], label: "Add a step there" },
      { keys: [["Mod", "D"]], label: "Duplicate selection" },
      { keys: [["Mod", "C"], ["Mod", "V"]], label: "Copy / paste" },
      { keys: [["Mod", "X"]], label: "Cut" },
      { keys: [["Del"], ["⌫"]], label: "Delete selection" },
      { keys: [["Mod", "G"]], label: "Group selected steps" },
      { keys: [["Mod", "Shift", "G"]], label: "Ungroup" },
    ],
  },
  {
    title: "History, saving and running",
    items: [
      { keys: [["Mod", "Z"]], label: "Undo" },
      { keys: [["Mod", "Shift", "Z"], ["Mod", "Y"]], label: "Redo" },
      { keys: [["Mod", "S"]], label: "Save revision" },
      { keys: [["Mod", "Enter"]], label: "Run the segment" },
    ],
  },
  {
    title: "Select",
    items: [
      { keys: [["Mod", "A"]], label: "Select all steps" },
      { keys: [["Shift", "Drag"]], label: "Box-select" },
      { keys: [["Shift", "Click"]], label: "Add to selection" },
      { keys: [["Esc"]], label: "Clear selection / close" },
    ],
  },
  {
    title: "View",
    items: [
      { keys: [["Shift", "1"]], label: "Fit view" },
      { keys: [["Shift", "L"]], label: "Auto-layout" },
      { keys: [["Mod", "+"], ["Mod", "−"]], label: "Zoom in / out" },
      { keys: [["Mod", "0"]], label: "Zoom to 100%" },
      { keys: [["Drag"], ["Scroll"]], label: "Pan" },
      { keys: [["Mod", "Scroll"]], label: "Zoom" },
      { keys: [["?"]], label: "This help" },
    ],
  },
];

/** Apple keyboards say ⌘ where others say Ctrl. */
export function isApplePlatform(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/i.test(navigator.platform || navigator.userAgent);
}

/** "Mod+Shift+Z" → "Ctrl+Shift+Z" (or "⌘⇧Z" on a Mac), for tooltips and menus. */
export function keyLabel(keys: readonly string[], apple = isApplePlatform()): string {
  const caps = keys.map((key) => (key === "Mod" ? (apple ? "⌘" : "Ctrl") : apple && key === "Shift" ? "⇧" : key));
  return apple ? caps.join("") : caps.join("+");
}
