"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { CheckCircleIcon, CopyIcon } from "@/components/ui/icons";
import { copyToClipboard } from "@/components/ui/clipboard";
import type { CopyState } from "./clipboard";

/**
 * A small button that copies what `getText` returns when clicked (computed then, so a row
 * of a 3 MB value costs nothing until asked) and says "Copied" for a moment.
 */
export function CopyButton({
  getText,
  label,
  children,
  className,
  title,
}: {
  getText: () => string;
  /** Accessible name, e.g. "Copy path". */
  label: string;
  /** Visible text next to the icon; none: icon only. */
  children?: ReactNode;
  className?: string;
  title?: string;
}) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onClick = async (event: React.MouseEvent) => {
    // Rows toggle on click: copying must not also open or close the node.
    event.stopPropagation();
    const ok = await copyToClipboard(getText());
    setState(ok ? "copied" : "failed");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 1_500);
  };

  const feedback = state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : null;
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={feedback ?? label}
      title={title ?? label}
      className={cx(
        "inline-flex items-center gap-1 rounded font-sans transition-colors",
        state === "copied" ? "text-emerald-600" : state === "failed" ? "text-red-600" : "text-slate-500 hover:text-slate-800",
        className,
      )}
    >
      {state === "copied" ? <CheckCircleIcon className="size-3.5" /> : <CopyIcon className="size-3.5" />}
      {children !== undefined ? <span>{feedback ?? children}</span> : null}
    </button>
  );
}
