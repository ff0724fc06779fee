"use client";
// The segment list: search, create, rename and delete. Dialog state lives
// here; each dialog owns its form and its mutation.
import { useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { SearchInput } from "@/components/ui/search-input";
import type { SegmentSummary } from "@/shared/resources/segment-resource";
import { DeleteSegmentDialog } from "./delete-segment-dialog";
import { useSegmentList } from "./hooks/use-segment-list";
import { useSlashToFocus } from "./hooks/use-slash-to-focus";
import { filterSegments } from "./lib/filter-segments";
import { readServerError } from "./lib/server-error";
import { NewSegmentDialog } from "./new-segment-dialog";
import { RenameSegmentDialog } from "./rename-segment-dialog";
import { SegmentsSkeleton } from "./segments-skeleton";
import { NoMatches, NoSegments, SegmentsLoadError } from "./segments-states";
import { SegmentsTable } from "./segments-table";

export function SegmentsPage() {
  const list = useSegmentList();
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<SegmentSummary | null>(null);
  const [deleting, setDeleting] = useState<SegmentSummary | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashToFocus(searchRef);

  const segments = list.data;
  const visible = useMemo(() => (segments ? filterSegments(segments, query) : []), [segments, query]);
  const existingIds = useMemo(() => new Set(segments?.map((s) => s.segment_id) ?? []), [segments]);
  const hasSegments = (segments?.length ?? 0) > 0;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Segments"
        count={segments?.length}
        description="Workflows you design on the canvas, save as revisions and run."
        actions={
          <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
            New segment
          </Button>
        }
      />

      {hasSegments ? (
        <div className="flex items-center gap-3">
          <SearchInput
            ref={searchRef}
            label="Search segments"
            placeholder="Search by name or ID…"
            shortcut="/"
            value={query}
            onChange={setQuery}
            className="w-full max-w-xs"
          />
          <p className="text-sm text-slate-500 tabular-nums" aria-live="polite">
            {query.trim() ? `${visible.length} of ${segments?.length ?? 0}` : null}
          </p>
        </div>
      ) : null}

      {list.isPending ? (
        <SegmentsSkeleton />
      ) : list.isError ? (
        <SegmentsLoadError
          message={readServerError(list.error).message}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : !hasSegments ? (
        <NoSegments onCreate={() => setCreating(true)} />
      ) : visible.length === 0 ? (
        <NoMatches query={query.trim()} onClear={() => setQuery("")} />
      ) : (
        <SegmentsTable segments={visible} onRename={setRenaming} onDelete={setDeleting} />
      )}

      <NewSegmentDialog open={creating} onClose={() => setCreating(false)} existingIds={existingIds} />
      <RenameSegmentDialog segment={renaming} onClose={() => setRenaming(null)} />
      <DeleteSegmentDialog segment={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}
