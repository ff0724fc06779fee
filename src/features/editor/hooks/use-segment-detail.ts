"use client";
/** Loads one segment (draft, latest revision, counts) through tRPC. */
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";

/** True for the tRPC error the server sends for an unknown segment. */
export function isNotFoundError(error: unknown): boolean {
  if (!error || typeof error !== "object" || !("data" in error)) return false;
  const data = (error as { data?: { code?: unknown; httpStatus?: unknown } | null }).data;
  return data?.code === "NOT_FOUND" || data?.httpStatus === 404;
}

export function useSegmentDetail(segmentId: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.segments.get.queryOptions({ segment_id: segmentId }),
    retry: (failures, error) => !isNotFoundError(error) && failures < 1,
  });
}
