import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { AlertTriangleIcon } from "@/components/ui/icons";
import type { LinkErrorKind } from "../lib/approval-display";
import { HourglassIcon, LinkIcon, XCircleIcon } from "../components/approval-icons";
import { LinkPageFrame } from "./link-page-frame";

export function LinkPageSkeleton() {
  return (
    <LinkPageFrame>
      <div className="rounded-2xl bg-white p-8 shadow-xl ring-1 shadow-slate-900/5 ring-slate-900/5" aria-busy="true" aria-label="Loading the approval">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="mt-6 h-6 w-2/3" />
        <Skeleton className="mt-3 h-4 w-full" />
        <Skeleton className="mt-2 h-4 w-5/6" />
        <Skeleton className="mt-8 h-32 w-full" />
        <div className="mt-8 flex gap-2">
          <Skeleton className="h-9 w-24" />
          <Skeleton className="h-9 w-32" />
        </div>
      </div>
    </LinkPageFrame>
  );
}

const COPY: Record<LinkErrorKind, { title: string; text: string; icon: ReactNode; retry: boolean }> = {
  invalid: {
    title: "This link isn’t valid",
    text: "It may have been copied incompletely, or it was made by another server. Ask the person who sent it for a new link.",
    icon: <LinkIcon className="size-6" />,
    retry: false,
  },
  expired: {
    title: "This link has expired",
    text: "Approval links stop working when the approval times out, or after 7 days. If the run is still waiting, ask for a new link.",
    icon: <HourglassIcon className="size-6" />,
    retry: false,
  },
  not_found: {
    title: "This approval no longer exists",
    text: "The run it belonged to may have been deleted. There is nothing left to decide.",
    icon: <XCircleIcon className="size-6" />,
    retry: false,
  },
  rate_limited: {
    title: "Too many attempts",
    text: "",
    icon: <AlertTriangleIcon className="size-6" />,
    retry: true,
  },
  unavailable: {
    title: "Couldn’t load this approval",
    text: "The server could not be reached or had a problem. Try again in a moment.",
    icon: <AlertTriangleIcon className="size-6" />,
    retry: true,
  },
};

export function LinkPageError({ kind, message, onRetry, retrying }: { kind: LinkErrorKind; message: string; onRetry: () => void; retrying: boolean }) {
  const copy = COPY[kind];
  return (
    <LinkPageFrame>
      <div className="rounded-2xl bg-white px-8 py-12 text-center shadow-xl ring-1 shadow-slate-900/5 ring-slate-900/5" role="alert" data-testid="approval-link-error" data-kind={kind}>
        <div className="mx-auto mb-4 flex size-12 items-center justify-center rounded-xl bg-slate-100 text-slate-600 ring-1 ring-slate-200">{copy.icon}</div>
        <h1 className="text-lg font-semibold text-slate-900">{copy.title}</h1>
        <p className="mx-auto mt-2 max-w-md text-sm leading-relaxed text-slate-600">{copy.text || message}</p>
        {copy.retry ? (
          <Button className="mt-6" onClick={onRetry} loading={retrying}>
            Try again
          </Button>
        ) : null}
      </div>
    </LinkPageFrame>
  );
}
