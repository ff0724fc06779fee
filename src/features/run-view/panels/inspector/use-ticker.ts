"use client";
import { useEffect, useState } from "react";

/** The current time in ms, refreshed every `intervalMs` while `active` (a running step's clock). */
export function useTicker(active: boolean, intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
