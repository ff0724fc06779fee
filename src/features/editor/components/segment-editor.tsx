"use client";
/** The editor route's content: loads the segment, then shows the editor, a skeleton or an error. */
import { useState } from "react";
import { ToastProvider } from "@/components/ui/toast";
import type { SegmentDetail } from "@/shared/resources/segment-resource";
import { isNotFoundError, useSegmentDetail } from "../hooks/use-segment-detail";
import { segmentToOpen } from "../lib/document-state";
import { EditorStoreProvider } from "../store";
import { EditorError, SegmentNotFound } from "./editor-error";
import { EditorScreen } from "./editor-screen";
import { EditorSkeleton } from "./editor-skeleton";
import { EditorSession } from "./save-state/editor-session";

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
  // The editor starts from what was loaded first (the draft, else the latest revision);
  // later refetches must not throw away what the user did on the canvas. The save session
  // keeps the draft's version from that same load, for autosave's optimistic concurrency.
  const [initial] = useState(() => ({ detail, segment: segmentToOpen(detail) }));
  return (
    <ToastProvider>
      <EditorStoreProvider segment={initial.segment}>
        <EditorSession detail={initial.detail}>
          <EditorScreen detail={detail} />
        </EditorSession>
      </EditorStoreProvider>
    </ToastProvider>
  );
}
