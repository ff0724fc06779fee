"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { RevisionSummary } from "@/shared/resources/segment-resource";
import { EyeIcon, RotateCcwIcon } from "../save-state/session-icons";
import { describeDiff } from "./describe-diff";

type Props = {
  segmentId: string;
  summary: RevisionSummary;
  /** The newest revision. */
  latest: boolean;
  /** The canvas shows exactly this revision: restoring it would change nothing. */
  current: boolean;
  onRestore: () => void;
};

export function RevisionRow({ segmentId, summary, latest, current, onRestore }: Props) {
  const words = describeDiff(summary.diff, summary.revision);
  return (
    <li className="group px-4 py-3.5 hover:bg-slate-50/70" data-testid="revision-row">
      <div className="flex items-center gap-2">
        <span className="text-sm font-semibold text-slate-900">Revision {summary.revision}</span>
        {latest ? (
          <Badge tone="indigo" className="px-1.5! py-0! text-[11px]!">
            Latest
          </Badge>
        ) : null}
        <RelativeTime value={summary.created_at} className="ml-auto text-xs text-slate-500" />
      </div>
      <p className="mt-0.5 text-xs text-slate-500">
        {summary.created_by ? <>by {summary.created_by} · </> : null}
        {summary.step_count} {summary.step_count === 1 ? "step" : "steps"}
      </p>
      <ul className="mt-2 flex flex-wrap gap-1" title={words.detail || undefined} aria-label="Changes">
        {words.parts.map((part) => (
          <li key={part} className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] leading-4 font-medium text-slate-600">
            {part}
          </li>
        ))}
      </ul>
      <div className="mt-2.5 flex items-center gap-1.5">
        <Link
          href={`/segments/${encodeURIComponent(segmentId)}/revisions/${summary.revision}`}
          className={buttonClasses({ size: "sm", className: "h-7 px-2" })}
        >
          <EyeIcon className="size-3.5" /> View
        </Link>
        <Button
          size="sm"
          variant="ghost"
          className="h-7 px-2"
          icon={<RotateCcwIcon className="size-3.5" />}
          onClick={onRestore}
          disabled={current}
          title={current ? "The canvas already shows this revision" : undefined}
        >
          Restore into draft
        </Button>
      </div>
    </li>
  );
}
