"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";

export function useSegmentList() {
  const trpc = useTRPC();
  return useQuery(trpc.segments.list.queryOptions());
}
