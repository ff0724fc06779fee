"use client";
/**
 * "Copy link": a signed, single-use link to the standalone approval page, for sending by email
 * or chat. The link is shown too (selectable), since a browser may refuse clipboard access.
 */
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { formatAbsoluteTime } from "@/components/ui/format-time";
import { CheckCircleIcon, XIcon } from "@/components/ui/icons";
import { useTRPC } from "@/trpc/client";
import { copyToClipboard } from "@/components/ui/clipboard";
import { LinkIcon } from "./approval-icons";

export function CopyApprovalLinkButton({ approvalId, onLink }: { approvalId: string; onLink: (link: CopiedLink) => void }) {
  const trpc = useTRPC();
  const make = useMutation(trpc.approvals.link.mutationOptions());
  const copy = async () => {
    const link = await make.mutateAsync({ approval_id: approvalId }).catch((error: unknown) => {
      onLink({ error: error instanceof Error ? error.message : "The link could not be made." });
      return null;
    });
    if (!link) return;
    onLink({ ...link, copied: await copyToClipboard(link.url) });
  };
  return (
    <Button size="sm" variant="ghost" className="h-7 px-2 text-slate-600" icon={<LinkIcon className="size-3.5" />} loading={make.isPending} onClick={() => void copy()}>
      Copy link
    </Button>
  );
}

export type CopiedLink = { url: string; expires_at: string; copied: boolean } | { error: string };

/** What happened: copied (or not) with the URL to select, and when it expires. */
export function CopiedLinkNotice({ link, onClose }: { link: CopiedLink; onClose: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if ("url" in link && !link.copied) input.current?.select();
  }, [link]);
  return (
    <div className="rounded-md bg-slate-50 p-2.5 ring-1 ring-slate-200 ring-inset" role="status" data-testid="approval-link-notice">
      <div className="flex items-start gap-2">
        <p className="min-w-0 flex-1 text-[12.5px] leading-snug text-slate-700">
          {"error" in link ? (
            <span className="text-red-700">{link.error}</span>
          ) : (
            <>
              {link.copied ? (
                <span className="inline-flex items-center gap-1 font-medium text-emerald-700">
                  <CheckCircleIcon className="size-3.5" /> Link copied.
                </span>
              ) : (
                <span className="font-medium text-slate-800">Copy this link:</span>
              )}{" "}
              Anyone with it can decide once, until {formatAbsoluteTime(link.expires_at)}.
            </>
          )}
        </p>
        <button type="button" aria-label="Close" onClick={onClose} className="rounded p-0.5 text-slate-400 hover:bg-slate-200 hover:text-slate-700">
          <XIcon className="size-3.5" />
        </button>
      </div>
      {"url" in link ? (
        <input
          ref={input}
          readOnly
          value={link.url}
          aria-label="Approval link"
          onFocus={(event) => event.currentTarget.select()}
          className="mt-2 block w-full truncate rounded border border-slate-200 bg-white px-2 py-1 font-mono text-[11.5px] text-slate-700 focus:border-indigo-400 focus:outline-none"
        />
      ) : null}
    </div>
  );
}
