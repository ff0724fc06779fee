"use client";
// A dropdown of actions (the "⋯" button of a table row). The list is portaled
// to <body> with fixed positioning so scrolling containers cannot clip it.
// Keyboard: Enter/Space/↓ open, ↑/↓/Home/End move, Esc closes, Tab leaves.
import Link from "next/link";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { Button } from "./button";
import { cx } from "./cx";
import { MoreHorizontalIcon } from "./icons";

export type MenuItem = {
  label: string;
  icon?: ReactNode;
  tone?: "default" | "danger";
  /** Navigates (a real link: middle-click and "open in new tab" work). */
  href?: string;
  onSelect?: () => void;
};

type MenuProps = {
  /** Accessible name of the trigger, e.g. "Actions for Article writer". */
  label: string;
  items: MenuItem[];
  trigger?: ReactNode;
  /** Shown above the items, e.g. who is signed in. */
  heading?: ReactNode;
};

type Position = { top?: number; bottom?: number; right: number };

const ITEM_HEIGHT = 34;
const MENU_PADDING = 8;

const HEADING_HEIGHT = 52;

export function Menu({ label, items, trigger, heading }: MenuProps) {
  const [position, setPosition] = useState<Position | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const open = position !== null;

  const openMenu = () => {
    const rect = triggerRef.current?.getBoundingClientRect();
    if (!rect) return;
    const height = items.length * ITEM_HEIGHT + MENU_PADDING + (heading ? HEADING_HEIGHT : 0);
    const right = window.innerWidth - rect.right;
    setPosition(
      rect.bottom + height + 8 > window.innerHeight && rect.top > height
        ? { bottom: window.innerHeight - rect.top + 4, right }
        : { top: rect.bottom + 4, right },
    );
  };

  const close = (refocus: boolean) => {
    setPosition(null);
    if (refocus) triggerRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !triggerRef.current?.contains(target)) setPosition(null);
    };
    const onViewportChange = () => setPosition(null);
    document.addEventListener("pointerdown", onPointerDown);
    window.addEventListener("resize", onViewportChange);
    window.addEventListener("scroll", onViewportChange, true);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      window.removeEventListener("resize", onViewportChange);
      window.removeEventListener("scroll", onViewportChange, true);
    };
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const nodes = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const index = nodes.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => nodes[(i + nodes.length) % nodes.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        focusAt(index + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        focusAt(index - 1);
        break;
      case "Home":
        event.preventDefault();
        focusAt(0);
        break;
      case "End":
        event.preventDefault();
        focusAt(nodes.length - 1);
        break;
      case "Escape":
        event.preventDefault();
        event.stopPropagation();
        close(true);
        break;
      case "Tab":
        close(false);
        break;
    }
  };

  const select = (item: MenuItem) => {
    // Focus goes back to the trigger first, so a dialog opened by the item returns focus there.
    close(true);
    item.onSelect?.();
  };

  const itemClass = (item: MenuItem) =>
    cx(
      "flex h-[34px] w-full items-center gap-2.5 rounded-md px-2.5 text-left text-sm outline-none",
      item.tone === "danger"
        ? "text-red-600 hover:bg-red-50 focus:bg-red-50"
        : "text-slate-700 hover:bg-slate-100 focus:bg-slate-100 focus:text-slate-900",
    );

  return (
    <>
      <Button
        ref={triggerRef}
        variant="ghost"
        size="sm"
        iconOnly
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => (open ? close(false) : openMenu())}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            openMenu();
          }
        }}
        icon={trigger ?? <MoreHorizontalIcon />}
      />
      {open
        ? createPortal(
            <div
              ref={menuRef}
              role="menu"
              aria-label={label}
              onKeyDown={onMenuKeyDown}
              style={position}
              className="fixed z-40 min-w-44 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-900/10 transition duration-100 starting:scale-95 starting:opacity-0"
            >
              {heading ? <div className="mb-1 border-b border-slate-100 px-2.5 pt-1.5 pb-2 text-sm">{heading}</div> : null}
              {items.map((item) =>
                item.href ? (
                  <Link key={item.label} href={item.href} role="menuitem" tabIndex={-1} className={itemClass(item)} onClick={() => select(item)}>
                    {item.icon ? <span className="text-slate-400">{item.icon}</span> : null}
                    {item.label}
                  </Link>
                ) : (
                  <button key={item.label} type="button" role="menuitem" tabIndex={-1} className={itemClass(item)} onClick={() => select(item)}>
                    {item.icon ? <span className={item.tone === "danger" ? "text-red-500" : "text-slate-400"}>{item.icon}</span> : null}
                    {item.label}
                  </button>
                ),
              )}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
