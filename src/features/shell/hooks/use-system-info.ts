"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";

/** Server version, database kind and auth mode; rarely changes, so it is cached for long. */
export function useSystemInfo() {
  const trpc = useTRPC();
  return useQuery(trpc.system.info.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}
