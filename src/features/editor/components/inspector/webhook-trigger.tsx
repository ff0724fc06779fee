"use client";
/**
 * The segment's webhook trigger, in its settings: enable it (a URL with a fresh token), copy the
 * URL and a curl example, rotate the token (the old URL stops at once, after a confirmation) or
 * turn it off. Runs start from the latest saved revision with the request body as input.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CheckCircleIcon, CopyIcon, RefreshIcon } from "@/components/ui/icons";
import { copyToClipboard } from "@/components/ui/clipboard";
import { useTRPC } from "@/trpc/client";
import { FieldHelp } from "../../forms/theme/field-parts";

export function WebhookTrigger({ segmentId }: { segmentId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hook = useQuery(trpc.webhooks.get.queryOptions({ segment_id: segmentId }));
  const onDone = (data: unknown) => queryClient.setQueryData(trpc.webhooks.get.queryKey({ segment_id: segmentId }), data as typeof hook.data);
  const rotate = useMutation(trpc.webhooks.rotate.mutationOptions({ onSuccess: onDone }));
  const disable = useMutation(trpc.webhooks.disable.mutationOptions({ onSuccess: onDone }));
  const [confirm, setConfirm] = useState<"rotate" | "disable" | null>(null);
  const [copied, setCopied] = useState<"url" | "curl" | null>(null);

  if (hook.isPending) return <p className="text-[12px] text-slate-400">Loading…</p>;
  if (hook.isError) return <p className="text-[12px] text-red-600">Could not load the webhook trigger: {hook.error.message}</p>;
  const view = hook.data;
  const failed = rotate.error ?? disable.error;

  if (!view.enabled || !view.url) {
    return (
      <div data-testid="webhook-trigger" data-enabled="false">
        <p className="text-[12px] leading-5 text-slate-600">Start runs from other systems (n8n, Zapier, a script) with an HTTP POST.</p>
        <Button size="sm" className="mt-2" loading={rotate.isPending} onClick={() => rotate.mutate({ segment_id: segmentId })}>
          Enable webhook
        </Button>
        {failed ? <p className="mt-2 text-[12px] text-red-600">{failed.message}</p> : null}
      </div>
    );
  }

  const url = view.url;
  const curl = `curl -X POST '${url}' -H 'content-type: application/json' -d '{}'`;
  const copy = async (what: "url" | "curl") => {
    if (await copyToClipboard(what === "url" ? url : curl)) {
      setCopied(what);
      setTimeout(() => setCopied((current) => (current === what ? null : current)), 2000);
    }
  };

  return (
    <div data-testid="webhook-trigger" data-enabled="true">
      <label htmlFor="webhook-url" className="text-[12px] font-medium text-slate-700">
        URL
      </label>
      <div className="mt-1 flex items-center gap-1.5">
        <input
          id="webhook-url"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="h-8 min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-2 font-mono text-[11px] text-slate-700"
        />
        <Button
          size="sm"
          variant="secondary"
          iconOnly
          aria-label="Copy the webhook URL"
          title="Copy the URL"
          icon={copied === "url" ? <CheckCircleIcon className="size-3.5 text-emerald-600" /> : <CopyIcon className="size-3.5" />}
          onClick={() => void copy("url")}
        />
      </div>
      <FieldHelp>
        POST JSON to it: the body becomes the run input (latest saved revision). Add <code className="font-mono">?wait=30</code> to get the output in the
        answer. Anyone with the URL can start runs: keep it secret, rotate it if it leaks.
      </FieldHelp>
      <div className="mt-3 flex flex-wrap items-center gap-1.5">
        <Button size="sm" variant="ghost" className="h-7 px-2" onClick={() => void copy("curl")}>
          {copied === "curl" ? "Copied" : "Copy curl example"}
        </Button>
        <Button size="sm" variant="ghost" className="h-7 px-2" icon={<RefreshIcon className="size-3.5" />} onClick={() => setConfirm("rotate")}>
          Rotate token
        </Button>
        <Button size="sm" variant="ghost" className="h-7 px-2 text-red-700 hover:bg-red-50" onClick={() => setConfirm("disable")}>
          Turn off
        </Button>
      </div>
      {failed ? <p className="mt-2 text-[12px] text-red-600">{failed.message}</p> : null}
      <ConfirmDialog
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === "rotate" ? "Rotate the webhook token?" : "Turn the webhook off?"}
        confirmLabel={confirm === "rotate" ? "Rotate token" : "Turn off"}
        tone={confirm === "disable" ? "danger" : "primary"}
        pending={rotate.isPending || disable.isPending}
        onConfirm={() => {
          const action = confirm === "rotate" ? rotate : disable;
          action.mutate({ segment_id: segmentId }, { onSuccess: () => setConfirm(null) });
        }}
      >
        {confirm === "rotate"
          ? "The current URL stops working at once; whoever calls it needs the new one."
          : "Calls to the URL will be refused (404) until you enable the webhook again, with a new URL."}
      </ConfirmDialog>
    </div>
  );
}
