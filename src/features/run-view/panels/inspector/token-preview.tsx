"use client";
/** The LLM text streaming in for a running step (the tail the live state keeps), with a caret. */
import { useLayoutEffect, useRef } from "react";

export function TokenPreview({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Keep the newest tokens in view as they arrive.
  useLayoutEffect(() => {
    const box = ref.current;
    if (box) box.scrollTop = box.scrollHeight;
  }, [text]);
  return (
    <div className="rounded-lg bg-violet-50/60 ring-1 ring-violet-200 ring-inset" data-testid="token-preview">
      <div className="flex items-center gap-2 px-3 pt-2 text-[11px] font-semibold tracking-wider text-violet-700 uppercase">
        <span className="relative flex size-1.5" aria-hidden>
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-violet-500 opacity-75" />
          <span className="relative inline-flex size-1.5 rounded-full bg-violet-500" />
        </span>
        Generating
      </div>
      <div ref={ref} aria-live="off" className="max-h-40 overflow-y-auto px-3 pt-1 pb-2.5 text-[13px] leading-relaxed break-words whitespace-pre-wrap text-slate-800">
        {text}
        <span className="ml-0.5 inline-block h-[1.1em] w-[2px] translate-y-[2px] animate-pulse bg-violet-500 align-baseline" aria-hidden />
      </div>
    </div>
  );
}
