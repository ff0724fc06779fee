"use client";
/** The editor route's content: loads the segment, then shows the editor, a skeleton or an error. */
import { useMemo } from "react";
import type { SegmentDetail } from "@/shared/resources/segment-resource";
import { isNotFoundError, useSegmentDetail } from "../hooks/use-segment-detail";
import { documentToOpen } from "../lib/document-state";
import { readSegmentDocument } from "../lib/read-document";
import { EditorStoreProvider } from "../store";
import { EditorError, SegmentNotFound } from "./editor-error";
import { EditorScreen } from "./editor-screen";
import { EditorSkeleton } from "./editor-skeleton";

export function SegmentEditor({ segmentId }: { segmentId: string }) {
  const query = useSegmentDetail(segmentId);
  if (query.isPending) return <EditorSkeleton />;
  if (query.isError) {
    return isNotFoundError(query.error) ? (
      <SegmentNotFound segmentId={segmentId} />
    ) : (
      <EditorError message={query.error.message} onRetry={() => void query.refetch()} />
    );
  }
  return <LoadedEditor key={segmentId} detail={query.data} />;
}

function LoadedEditor({ detail }: { detail: SegmentDetail }) {
  // The store is created once per segment from what was loaded first; later refetches
  // must not throw away what the user did on the canvas.
  const segment = useMemo(
    () =>
      readSegmentDocument(documentToOpen(detail).document, {
        segment_id: detail.segment_id,
        name: detail.name,
        description: detail.description,
      }),
    [detail],
  );
  return (
    <EditorStoreProvider segment={segment}>
      <EditorScreen detail={detail} />
    </EditorStoreProvider>
  );
}
