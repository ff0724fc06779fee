"use client";
import { useStore, type StoreApi } from "zustand";

const empty: StoreApi<null> = {
  getState: () => null,
  getInitialState: () => null,
  setState: () => undefined,
  subscribe: () => () => undefined,
};

/** Reads a store that may be absent (null when it is), keeping the hooks order stable. */
export function useStoreOrNull<S, T>(store: StoreApi<S> | undefined, selector: (state: S) => T): T | null {
  return useStore<StoreApi<S | null>, T | null>(store ?? empty, (state) => (state === null ? null : selector(state)));
}
