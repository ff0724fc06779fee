"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { SegmentDetail } from "@/shared/resources/segment-resource";
import { draftDiffersFromRevision, hasRevision } from "../lib/document-state";
import { useEditorStore } from "../store";

export function EditorTopBar({ detail }: { detail: SegmentDetail }) {
  const stepCount = useEditorStore((s) => s.nodes.length);
  const edgeCount = useEditorStore((s) => s.edges.length);
  const saved = hasRevision(detail);
  const draftChanged = draftDiffersFromRevision(detail);

  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3">
      <Link href="/" className={buttonClasses({ variant: "ghost", size: "sm", className: "text-slate-600" })}>
        <span aria-hidden>←</span> Segments
      </Link>
      <span className="h-6 w-px bg-slate-200" aria-hidden />
      <div className="flex min-w-0 items-baseline gap-2.5">
        <h1 className="truncate text-[15px] font-semibold text-slate-900" title={detail.name}>
          {detail.name}
        </h1>
        <code className="truncate font-mono text-xs text-slate-500" title="Segment id">
          {detail.segment_id}
        </code>
      </div>
      <div className="flex shrink-0 items-center gap-1.5">
        {saved ? (
          <Badge tone="slate" title={`Latest saved revision: ${detail.latest_revision}`}>
            rev {detail.latest_revision}
          </Badge>
        ) : (
          <Badge tone="gray" title="This segment has never been saved as a revision">
            draft only
          </Badge>
        )}
        {draftChanged && (
          <Badge tone="amber" dot title={`The draft has changes that are not in revision ${detail.latest_revision}`}>
            Draft
          </Badge>
        )}
      </div>
      <div className="ml-auto flex shrink-0 items-center gap-3 text-xs text-slate-500">
        <span>
          {plural(stepCount, "step")} · {plural(edgeCount, "connection")}
        </span>
        <span className="h-4 w-px bg-slate-200" aria-hidden />
        <span>
          Updated <RelativeTime value={detail.updated_at} />
        </span>
      </div>
    </header>
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
