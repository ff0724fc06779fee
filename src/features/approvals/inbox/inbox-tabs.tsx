"use client";
import Link from "next/link";
import { cx } from "@/components/ui/cx";
import { INBOX_TAB_LABEL, INBOX_TABS, type InboxTab } from "./inbox-model";

/** Pending / Approved / Rejected / Expired, as links (the tab is in the URL: shareable, survives reload). */
export function InboxTabs({ current, pendingCount }: { current: InboxTab; pendingCount: number | undefined }) {
  return (
    <nav aria-label="Approval status" className="flex gap-1 border-b border-slate-200">
      {INBOX_TABS.map((tab) => {
        const active = tab === current;
        return (
          <Link
            key={tab}
            href={tab === "pending" ? "/approvals" : `/approvals?status=${tab}`}
            aria-current={active ? "page" : undefined}
            scroll={false}
            className={cx(
              "-mb-px inline-flex items-center gap-2 border-b-2 px-3 pt-1 pb-2.5 text-sm font-medium transition-colors",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
              active ? "border-indigo-600 text-slate-900" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
            )}
          >
            {INBOX_TAB_LABEL[tab]}
            {tab === "pending" && pendingCount ? (
              <span className="rounded-full bg-amber-100 px-1.5 py-px text-[11px] font-semibold text-amber-800 tabular-nums">{pendingCount}</span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
