"use client";
/**
 * /runs/[runId]: loads the run and the revision it executes, follows its events from the
 * start (in parallel with those requests), and shows it on the editor's canvas, read-only.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { CompassIcon } from "@/components/ui/icons";
import { ToastProvider } from "@/components/ui/toast";
import { PeopleProvider } from "@/features/approvals/lib/people-context";
import { EditorError } from "@/features/editor/components/editor-error";
import { EditorSkeleton } from "@/features/editor/components/editor-skeleton";
import { isNotFoundError } from "@/features/editor/hooks/use-segment-detail";
import { readSegmentDocument } from "@/features/editor/lib/read-document";
import { EditorStoreProvider } from "@/features/editor/store";
import type { RevisionDocument } from "@/shared/resources/segment-resource";
import { useTRPC } from "@/trpc/client";
import { asRunFacts, type RunFacts } from "../lib/api-types";
import { useRunLive, type RunLiveConnection } from "../live/use-run-live";
import { RunScreen } from "./run-screen";

const retryUnlessMissing = (failures: number, error: unknown) => !isNotFoundError(error) && failures < 1;

export function RunView({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const run = useQuery({ ...trpc.runs.get.queryOptions({ run_id: runId }), retry: retryUnlessMissing });
  const detail = useMemo(() => (run.data ? asRunFacts(run.data) : undefined), [run.data]);
  const revision = useQuery({
    ...trpc.segments.revision.queryOptions({ segment_id: detail?.segment_id ?? "", revision: detail?.revision ?? 1 }),
    enabled: detail !== undefined,
    // A revision never changes.
    staleTime: Infinity,
    retry: retryUnlessMissing,
  });
  const connection = useRunLive(runId, []);

  if (run.isError) {
    return isNotFoundError(run.error) ? <RunNotFound runId={runId} /> : <EditorError message={run.error.message} onRetry={() => void run.refetch()} />;
  }
  if (revision.isError) return <EditorError message={revision.error.message} onRetry={() => void revision.refetch()} />;
  if (!detail || !revision.data) return <EditorSkeleton />;
  return (
    <ToastProvider>
      <PeopleProvider>
        <LoadedRun key={runId} run={detail} saved={revision.data} connection={connection} />
      </PeopleProvider>
    </ToastProvider>
  );
}

function LoadedRun({ run, saved, connection }: { run: RunFacts; saved: RevisionDocument; connection: RunLiveConnection }) {
  const [segment] = useState(() => readSegmentDocument(saved.document, { segment_id: saved.segment_id, name: saved.segment_id }));
  return (
    <EditorStoreProvider segment={segment}>
      <RunScreen run={run} segment={segment} connection={connection} />
    </EditorStoreProvider>
  );
}

function RunNotFound({ runId }: { runId: string }) {
  return (
    <div className="flex min-h-dvh items-center justify-center bg-slate-50">
      <EmptyState
        icon={<CompassIcon className="size-6" />}
        title="Run not found"
        description={
          <>
            There is no run with the id <code className="font-mono text-slate-800">{runId}</code>.
          </>
        }
        actions={
          <Link href="/runs" className={buttonClasses({ variant: "primary" })}>
            ← All runs
          </Link>
        }
      />
    </div>
  );
}
