"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { formatAbsoluteTime, formatRelativeTime } from "@/components/ui/format-time";
import { ArrowUpRightIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import { Td, Tr } from "@/components/ui/table";
import { useNow } from "@/components/ui/use-now";
import { shortRunId } from "@/features/runs/lib/run-display";
import type { Approval } from "@/shared/resources/run-detail";
import { approvalHref, deciderLabel, outcomeOf } from "../lib/approval-display";
import { usePeople } from "../lib/people-context";
import type { InboxTab } from "./inbox-model";

export function ApprovalInboxRow({ approval, segmentName, tab }: { approval: Approval; segmentName: string | undefined; tab: InboxTab }) {
  const href = approvalHref(approval);
  return (
    <Tr className="group hover:bg-slate-50/80" data-approval-id={approval.approval_id}>
      <Td className="max-w-80">
        <Link href={href} className="block truncate font-medium text-slate-900 hover:text-indigo-600" title={approval.title}>
          {approval.title}
        </Link>
        <span className="mt-0.5 block truncate font-mono text-[12px] text-slate-500" title={`step ${approval.step_id}`}>
          {approval.step_id}
        </span>
      </Td>
      <Td className="max-w-60">
        <Link
          href={`/segments/${encodeURIComponent(approval.segment_id)}`}
          className="block truncate text-slate-700 hover:text-indigo-600"
          title={segmentName ?? approval.segment_id}
        >
          {segmentName ?? approval.segment_id}
        </Link>
      </Td>
      <Td>
        <span className="font-mono text-[13px] text-slate-700" title={approval.run_id}>
          {shortRunId(approval.root_run_id)}
        </span>
        {approval.run_id !== approval.root_run_id ? <span className="ml-1.5 text-[12px] text-slate-500">child run</span> : null}
      </Td>
      {tab === "pending" ? (
        <>
          <Td className="whitespace-nowrap text-slate-600">
            <RelativeTime value={approval.created_at} />
          </Td>
          <Td className="whitespace-nowrap">
            <Expiry expiresAt={approval.expires_at} />
          </Td>
        </>
      ) : (
        <>
          <Td className="whitespace-nowrap">
            <Outcome approval={approval} />
          </Td>
          <Td className="whitespace-nowrap text-slate-600">
            {approval.decided_at ? <RelativeTime value={approval.decided_at} /> : <span className="text-slate-400">—</span>}
          </Td>
        </>
      )}
      <Td className="text-right">
        <Link href={href} className={buttonClasses({ size: "sm" })}>
          {tab === "pending" ? "Review" : "Open run"}
          <ArrowUpRightIcon className="size-3.5" />
        </Link>
      </Td>
    </Tr>
  );
}

function Expiry({ expiresAt }: { expiresAt: string | null }) {
  const now = useNow();
  if (!expiresAt) return <span className="text-slate-400">No limit</span>;
  const left = Date.parse(expiresAt) - now;
  const soon = left < 15 * 60_000;
  return (
    <time dateTime={expiresAt} title={formatAbsoluteTime(expiresAt)} className={cx(soon ? "font-medium text-amber-700" : "text-slate-600")} suppressHydrationWarning>
      {left <= 0 ? "Timing out" : formatRelativeTime(expiresAt, now)}
    </time>
  );
}

/** The badge and who decided (truncated: an email can be long), the comment under it when there is one. */
function Outcome({ approval }: { approval: Approval }) {
  const people = usePeople();
  const outcome = outcomeOf(approval, people);
  const who = approval.status === "expired" ? expiredNote(approval) : deciderLabel(approval.decided_by, people);
  const comment = approval.comment?.trim();
  return (
    <div className="max-w-72 min-w-0">
      <span className="flex min-w-0 items-center gap-2">
        <Badge tone={outcome.tone} dot>
          {outcome.label}
        </Badge>
        <span className="min-w-0 truncate text-[13px] text-slate-500" title={who}>
          {who}
        </span>
      </span>
      {comment ? (
        <span className="mt-0.5 block truncate text-[12.5px] text-slate-600 italic" title={comment}>
          “{comment}”
        </span>
      ) : null}
    </div>
  );
}

function expiredNote(approval: Approval): string {
  if (approval.decision === "approved") return "auto-approved";
  if (approval.decision === "rejected") return "auto-rejected";
  return "step failed";
}
