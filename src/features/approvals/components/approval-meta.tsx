"use client";
/** How long an approval has waited and when it times out (and what the timeout then does). */
import { cx } from "@/components/ui/cx";
import { formatAbsoluteTime, formatRelativeTime } from "@/components/ui/format-time";
import { useNow } from "@/components/ui/use-now";
import type { Approval } from "@/shared/resources/run-detail";
import { timeoutConsequence, waitedFor, type OnTimeout } from "../lib/approval-display";
import { ClockIcon, HourglassIcon } from "./approval-icons";

export function ApprovalMeta({ approval, onTimeout, className }: { approval: Approval; onTimeout?: OnTimeout | null | undefined; className?: string }) {
  const now = useNow();
  const created = Date.parse(approval.created_at);
  const expires = approval.expires_at ? Date.parse(approval.expires_at) : null;
  const overdue = expires !== null && expires <= now;
  const consequence = timeoutConsequence(onTimeout);
  return (
    <ul className={cx("space-y-1 text-[12.5px] text-slate-600", className)}>
      <li className="flex items-start gap-2">
        <ClockIcon className="mt-0.5 size-3.5 shrink-0 text-slate-400" />
        <span>
          Waiting{" "}
          <time dateTime={approval.created_at} title={`Since ${formatAbsoluteTime(approval.created_at)}`} className="font-medium text-slate-800" suppressHydrationWarning>
            {waitedFor(now - created)}
          </time>
        </span>
      </li>
      <li className={cx("flex items-start gap-2", overdue && "text-amber-800")} data-testid="approval-expiry">
        <HourglassIcon className={cx("mt-0.5 size-3.5 shrink-0", overdue ? "text-amber-500" : "text-slate-400")} />
        {expires === null ? (
          <span>No time limit: the run waits until someone decides.</span>
        ) : (
          <span>
            {overdue ? "Timed out " : "Times out "}
            <time dateTime={approval.expires_at!} title={formatAbsoluteTime(approval.expires_at!)} className="font-medium text-slate-800" suppressHydrationWarning>
              {formatRelativeTime(expires, now)}
            </time>
            {overdue ? ": the run applies the timeout shortly" : consequence ? `, ${consequence}` : ""}
            {overdue && consequence ? ` (${consequence.replace(/^then /, "")})` : ""}.
          </span>
        )}
      </li>
    </ul>
  );
}
