"use client";
// A boolean remembered for the browser tab's session (sessionStorage), e.g.
// "this banner was dismissed". Falls back to memory when storage is blocked.
import { useCallback, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
const memory = new Map<string, boolean>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function read(key: string): boolean {
  try {
    return window.sessionStorage.getItem(key) === "1";
  } catch {
    return memory.get(key) ?? false;
  }
}

export function useSessionFlag(key: string): [boolean, () => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => false,
  );
  const set = useCallback(() => {
    try {
      window.sessionStorage.setItem(key, "1");
    } catch {
      memory.set(key, true);
    }
    for (const listener of listeners) listener();
  }, [key]);
  return [value, set];
}
