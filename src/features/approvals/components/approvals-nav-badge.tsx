"use client";
/** The pending-approvals count beside "Approvals" in the navigation (nothing when none wait). */
import { usePendingApprovalCount } from "../hooks/use-pending-approval-count";

export function ApprovalsNavBadge() {
  const { data: count } = usePendingApprovalCount();
  if (!count) return null;
  const label = count === 1 ? "1 approval waiting" : `${count} approvals waiting`;
  return (
    <span
      className="ml-0.5 inline-flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-amber-500 px-1.5 text-[11px] leading-none font-semibold text-white tabular-nums shadow-xs"
      aria-label={label}
      title={label}
      data-testid="approvals-nav-badge"
    >
      {count > 99 ? "99+" : count}
    </span>
  );
}
