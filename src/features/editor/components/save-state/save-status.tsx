"use client";
/** The top bar's word on the draft: "Saving…", "Draft saved · just now", "Offline — retrying", "Conflict". */
import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { formatAbsoluteTime, formatRelativeTime } from "@/components/ui/format-time";
import { AlertCircleIcon, AlertTriangleIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useNow } from "@/components/ui/use-now";
import type { SaveStatus } from "./draft-saver";
import { useSaveSession, useSaveState } from "./save-state-context";
import { CloudCheckIcon, CloudOffIcon } from "./session-icons";

export function SaveStatusIndicator() {
  const { store, saver } = useSaveSession();
  const status = useSaveState((s) => s.status);
  const view = describe(status);
  if (!view) return null;
  const onClick =
    status.kind === "conflict"
      ? () => store.getState().set({ conflictOpen: true })
      : status.kind === "offline" || status.kind === "failed"
        ? () => void saver.flush()
        : undefined;
  const body = (
    <>
      {view.icon}
      <span className="truncate">
        {view.label}
        {status.kind === "saved" ? <SavedAgo at={status.at} /> : null}
      </span>
    </>
  );
  const className = cx("flex h-7 min-w-0 items-center gap-1.5 rounded-md px-2 text-[13px] whitespace-nowrap", view.tone);
  return (
    <div role="status" aria-live="polite" data-testid="save-status" data-status={status.kind} className="min-w-0">
      {onClick ? (
        <button type="button" onClick={onClick} title={view.title} className={cx(className, "font-medium ring-1 ring-inset", view.ring)}>
          {body}
        </button>
      ) : (
        <span title={view.title} className={className}>
          {body}
        </span>
      )}
    </div>
  );
}

function SavedAgo({ at }: { at: number }) {
  const now = useNow();
  return <span title={formatAbsoluteTime(at)}> · {formatRelativeTime(Math.min(at, now), now)}</span>;
}

type View = { label: string; icon: ReactNode; tone: string; ring?: string; title?: string };

function describe(status: SaveStatus): View | null {
  switch (status.kind) {
    case "idle":
      return null;
    case "pending":
    case "saving":
      return { label: "Saving…", icon: <Spinner className="text-slate-400" />, tone: "text-slate-500" };
    case "saved":
      return {
        label: "Draft saved",
        icon: <CloudCheckIcon className="size-4 text-slate-400" />,
        tone: "text-slate-500",
        title: "Every change is saved to the draft automatically. Save a revision to run it.",
      };
    case "offline":
      return {
        label: "Offline — retrying",
        icon: <CloudOffIcon className="size-4" />,
        tone: "bg-amber-50 text-amber-800",
        ring: "ring-amber-200 hover:bg-amber-100",
        title: `Your changes are kept in this tab and saved when the server answers (attempt ${status.attempt}). Click to retry now.`,
      };
    case "conflict":
      return {
        label: "Conflict",
        icon: <AlertTriangleIcon className="size-4" />,
        tone: "bg-red-50 text-red-700",
        ring: "ring-red-200 hover:bg-red-100",
        title: "Someone else saved this segment. Click to choose which version to keep.",
      };
    case "failed":
      return {
        label: "Not saved",
        icon: <AlertCircleIcon className="size-4" />,
        tone: "bg-red-50 text-red-700",
        ring: "ring-red-200 hover:bg-red-100",
        title: `${status.message} Click to try again.`,
      };
  }
}
