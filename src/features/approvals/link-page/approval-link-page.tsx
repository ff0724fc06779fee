"use client";
/**
 * The standalone approval page a signed link opens (`/approve/<token>`): no editor and no sign-in,
 * the token is the credential. A centred card with the approval panel; links that are invalid,
 * expired or lead to a deleted run get a friendly explanation, and an approval decided already
 * (someone used the link, or decided in the app) shows its outcome read-only.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatAbsoluteTime } from "@/components/ui/format-time";
import type { Approval } from "@/shared/resources/run-detail";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { ApprovalPanel, type ApprovalDecisionInput } from "../components/approval-panel";
import { UserCheckIcon } from "../components/approval-icons";
import { linkErrorKind } from "../lib/approval-display";
import { fromWire } from "../lib/approval-wire";
import { LinkPageFrame } from "./link-page-frame";
import { LinkPageError, LinkPageSkeleton } from "./link-page-states";

export function ApprovalLinkPage({ token }: { token: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const options = trpc.approvalLinks.get.queryOptions(
    { token },
    // Each request counts against the link rate limit: no automatic retries or polling.
    { retry: false, staleTime: Infinity, refetchOnWindowFocus: true },
  );
  const query = useQuery(options);
  const [decidedHere, setDecidedHere] = useState(false);

  if (query.isPending) return <LinkPageSkeleton />;
  if (query.isError) {
    return <LinkPageError kind={linkErrorKind(query.error)} message={query.error.message} retrying={query.isFetching} onRetry={() => void query.refetch()} />;
  }
  const { segment_name, step_name, on_timeout, link_expires_at } = query.data;
  const approval = fromWire(query.data.approval);

  const decide = async (input: ApprovalDecisionInput): Promise<Approval> => {
    try {
      return fromWire(await client.approvalLinks.decide.mutate({ token, ...input }));
    } catch (error) {
      // Decided elsewhere or the run was cancelled meanwhile: show what is recorded now.
      void query.refetch();
      throw error;
    }
  };

  const closedBefore = approval.status !== "pending" && !decidedHere;
  return (
    <LinkPageFrame>
      <div className="overflow-hidden rounded-2xl bg-white shadow-xl ring-1 shadow-slate-900/5 ring-slate-900/5">
        <div className="flex items-center gap-3 border-b border-slate-100 bg-gradient-to-b from-indigo-50/60 to-white px-6 py-4 sm:px-8">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-indigo-600 text-white shadow-sm">
            <UserCheckIcon className="size-[18px]" />
          </span>
          <div className="min-w-0">
            <p className="text-[11px] font-semibold tracking-wide text-indigo-700 uppercase">Approval request</p>
            <p className="truncate text-sm text-slate-700" title={`${segment_name} › ${step_name ?? approval.step_id}`}>
              <span className="font-medium text-slate-900">{segment_name}</span>
              <span className="text-slate-400"> › </span>
              {step_name ?? approval.step_id}
            </p>
          </div>
        </div>
        {closedBefore ? (
          <p className="border-b border-amber-100 bg-amber-50 px-6 py-2.5 text-[13px] font-medium text-amber-900 sm:px-8" role="note">
            This approval was already decided. The link can’t be used again.
          </p>
        ) : null}
        {decidedHere ? (
          <p className="border-b border-emerald-100 bg-emerald-50 px-6 py-2.5 text-[13px] font-medium text-emerald-900 sm:px-8" role="note">
            Thank you: your decision was recorded and the run continues. You can close this page.
          </p>
        ) : null}
        <div className="px-6 py-6 sm:px-8">
          <ApprovalPanel
            key={approval.approval_id}
            approval={approval}
            variant="page"
            onTimeout={on_timeout}
            decide={decide}
            onDecided={(result) => {
              setDecidedHere(true);
              queryClient.setQueryData(options.queryKey, (old) => (old ? { ...old, approval: result } : old));
            }}
          />
        </div>
      </div>
      <p className="mt-5 text-center text-[12px] leading-relaxed text-slate-500">
        {approval.status === "pending"
          ? `Anyone with this link can decide once. It expires ${formatAbsoluteTime(link_expires_at)}.`
          : "Decisions are recorded with who made them and when."}
      </p>
    </LinkPageFrame>
  );
}
