"use client";
// Run list filters live in the URL (?status=failed&segment=article-writer),
// so a filtered view can be bookmarked, shared and survives a reload.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { RUN_STATUSES, type RunStatus } from "@/shared/resources/run-resource";

export type RunFilters = { status: RunStatus | undefined; segmentId: string | undefined };

function parseStatus(value: string | null): RunStatus | undefined {
  return RUN_STATUSES.find((s) => s === value);
}

export function useRunFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters: RunFilters = {
    status: parseStatus(params.get("status")),
    segmentId: params.get("segment") || undefined,
  };

  const update = useCallback(
    (changes: Partial<Record<"status" | "segment", string | undefined>>) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const search = next.toString();
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );

  return {
    filters,
    active: filters.status !== undefined || filters.segmentId !== undefined,
    setStatus: (status: RunStatus | undefined) => update({ status }),
    setSegment: (segmentId: string | undefined) => update({ segment: segmentId }),
    clear: () => update({ status: undefined, segment: undefined }),
  };
}
