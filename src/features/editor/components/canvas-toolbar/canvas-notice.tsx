"use client";
/**
 * A short message on the canvas saying why something did not happen ("That connection would
 * create a cycle"). Shown at a point (beside the pointer) when it is about a spot, else at the top;
 * it fades after a few seconds. Announced to screen readers.
 */
import { useCallback, useEffect, useState } from "react";

export type Notice = { id: number; message: string; at?: { x: number; y: number } };

const DURATION_MS = 4_000;
/** Widest the message gets (px): callers keep a pointer-placed notice inside the canvas with it. */
export const NOTICE_WIDTH = 340;
let nextId = 1;

export function useCanvasNotice(): [Notice | null, (message: string, at?: { x: number; y: number }) => void] {
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice((current) => (current?.id === notice.id ? null : current)), DURATION_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const notify = useCallback((message: string, at?: { x: number; y: number }) => {
    setNotice(at ? { id: nextId++, message, at } : { id: nextId++, message });
  }, []);
  return [notice, notify];
}

export function CanvasNotice({ notice }: { notice: Notice | null }) {
  return (
    <div role="status" aria-live="polite" className="contents">
      {notice && (
        <div
          key={notice.id}
          className="pointer-events-none absolute z-40 flex items-start gap-2 rounded-lg bg-slate-900 px-3 py-2 text-[13px] leading-snug text-white shadow-lg transition duration-150 starting:translate-y-1 starting:opacity-0"
          style={{
            maxWidth: NOTICE_WIDTH,
            ...(notice.at ? { left: notice.at.x, top: notice.at.y } : { left: "50%", top: 64, transform: "translateX(-50%)" }),
          }}
          data-testid="canvas-notice"
        >
          <svg className="mt-0.5 size-4 shrink-0 text-amber-300" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden>
            <circle cx="12" cy="12" r="9.5" />
            <path d="M12 7.5v5.5M12 16.5h.01" strokeLinecap="round" />
          </svg>
          <span>{notice.message}</span>
        </div>
      )}
    </div>
  );
}
