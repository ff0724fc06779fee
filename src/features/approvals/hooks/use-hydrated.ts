"use client";
import { useSyncExternalStore } from "react";

const noop = () => () => {};

/**
 * False during server rendering and hydration, true after. Data another component already
 * fetched (the nav badge polls the pending count before a Suspense boundary below it hydrates)
 * must not change the first client render, or hydration fails.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
