"use client";
/** A decided (or closed) approval, read-only: the outcome, who and when, the comment, and the edits. */
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { formatAbsoluteTime } from "@/components/ui/format-time";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Approval } from "@/shared/resources/run-detail";
import { outcomeOf, type OutcomeTone } from "../lib/approval-display";
import { usePeople } from "../lib/people-context";
import { BanIcon, CheckIcon, HourglassIcon, MessageIcon, XCircleIcon } from "./approval-icons";

const FRAME: Record<OutcomeTone, string> = {
  green: "bg-emerald-50 ring-emerald-200 text-emerald-900",
  red: "bg-red-50 ring-red-200 text-red-900",
  amber: "bg-amber-50 ring-amber-200 text-amber-900",
  slate: "bg-slate-50 ring-slate-200 text-slate-800",
};
const ICON_TONE: Record<OutcomeTone, string> = {
  green: "bg-emerald-500 text-white",
  red: "bg-red-500 text-white",
  amber: "bg-amber-500 text-white",
  slate: "bg-slate-400 text-white",
};

export function ApprovalOutcome({ approval, variant }: { approval: Approval; variant: "inline" | "page" }) {
  const outcome = outcomeOf(approval, usePeople());
  const Icon = approval.status === "approved" ? CheckIcon : approval.status === "rejected" ? XCircleIcon : approval.status === "expired" ? HourglassIcon : BanIcon;
  return (
    <div className={cx("rounded-lg p-3 ring-1 ring-inset", FRAME[outcome.tone], variant === "page" && "p-4")} role="status" data-testid="approval-outcome">
      <div className="flex items-start gap-3">
        <span className={cx("mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full", ICON_TONE[outcome.tone])}>
          <Icon className="size-4" />
        </span>
        <div className="min-w-0 flex-1">
          <p className={cx("font-semibold", variant === "page" ? "text-[15px]" : "text-sm")}>{outcome.sentence}</p>
          {approval.decided_at ? (
            <p className="mt-0.5 text-[12.5px] opacity-80">
              {formatAbsoluteTime(approval.decided_at)} · <RelativeTime value={approval.decided_at} />
            </p>
          ) : null}
          {approval.edited ? (
            <Badge tone="indigo" className="mt-2">
              Data edited before approval
            </Badge>
          ) : null}
        </div>
      </div>
      {approval.comment ? (
        <blockquote className="mt-3 flex gap-2 rounded-md bg-white/70 px-3 py-2 text-[13px] text-slate-800 ring-1 ring-black/5">
          <MessageIcon className="mt-0.5 size-3.5 shrink-0 text-slate-400" />
          <span className="min-w-0 break-words whitespace-pre-wrap">{approval.comment}</span>
        </blockquote>
      ) : null}
    </div>
  );
}
