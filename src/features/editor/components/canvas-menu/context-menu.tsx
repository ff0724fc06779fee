"use client";
/**
 * A right-click menu at the pointer. Keyboard: ↑/↓/Home/End move, Enter runs, Esc closes;
 * a click outside, a wheel or a resize closes it too.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";

export type ContextMenuItem = {
  label: string;
  icon?: ReactNode;
  /** Key caps shown on the right, e.g. "Ctrl+D". */
  shortcut?: string;
  tone?: "default" | "danger";
  disabled?: boolean;
  /** Draws a divider above this item. */
  separated?: boolean;
  onSelect: () => void;
};

type Props = {
  /** Pixels from the canvas's top-left corner. */
  at: { x: number; y: number };
  bounds: { width: number; height: number };
  label: string;
  items: readonly ContextMenuItem[];
  onClose: () => void;
};

const WIDTH = 224;
const ITEM_HEIGHT = 32;

export function ContextMenu({ at, bounds, label, items, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    const close = () => onClose();
    document.addEventListener("pointerdown", onPointerDown, true);
    window.addEventListener("resize", close);
    window.addEventListener("wheel", close, { passive: true });
    return () => {
      document.removeEventListener("pointerdown", onPointerDown, true);
      window.removeEventListener("resize", close);
      window.removeEventListener("wheel", close);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const nodes = Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? []);
    const index = nodes.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => nodes[(i + nodes.length) % nodes.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusAt(index + 1),
      ArrowUp: () => focusAt(index - 1),
      Home: () => focusAt(0),
      End: () => focusAt(nodes.length - 1),
      Escape: onClose,
      Tab: onClose,
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  const height = items.length * ITEM_HEIGHT + 12;
  const left = Math.max(8, Math.min(at.x, bounds.width - WIDTH - 8));
  const top = Math.max(8, Math.min(at.y, bounds.height - height - 8));

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
      className="nodrag nopan nowheel absolute z-30 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-900/10 transition duration-100 starting:scale-95 starting:opacity-0"
      style={{ left, top, width: WIDTH }}
      data-testid="canvas-context-menu"
      data-canvas-popover
    >
      {items.map((item) => (
        <div key={item.label}>
          {item.separated && <div role="separator" className="my-1 h-px bg-slate-100" />}
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            disabled={item.disabled}
            onClick={() => {
              onClose();
              item.onSelect();
            }}
            className={`flex h-8 w-full items-center gap-2.5 rounded-md px-2 text-left text-[13px] outline-none disabled:cursor-default disabled:opacity-45 ${
              item.tone === "danger"
                ? "text-red-600 hover:bg-red-50 focus:bg-red-50"
                : "text-slate-700 hover:bg-slate-100 focus:bg-slate-100 focus:text-slate-900"
            }`}
          >
            <span className={`flex size-4 items-center justify-center ${item.tone === "danger" ? "text-red-500" : "text-slate-400"}`}>
              {item.icon}
            </span>
            <span className="flex-1 truncate">{item.label}</span>
            {item.shortcut && <span className="shrink-0 text-[11px] text-slate-400">{item.shortcut}</span>}
          </button>
        </div>
      ))}
    </div>
  );
}
