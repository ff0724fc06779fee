"use client";
/** What trying the step gave: status, time, tokens and cost, then the output or the error. */
import { useEffect, useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { copyToClipboard } from "@/components/ui/clipboard";
import { formatDuration } from "@/components/ui/format-time";
import { ChevronDownIcon } from "@/components/ui/icons";
import { CheckIcon, CopyIcon, InfoIcon } from "../save-state/session-icons";
import type { TryOutcome } from "./try-drafts";

const STATUS = {
  completed: { label: "Completed", tone: "green" },
  failed: { label: "Failed", tone: "red" },
  unsupported: { label: "Can't run alone", tone: "amber" },
} as const;

export function TryResult({ result }: { result: TryOutcome }) {
  const status = STATUS[result.status];
  const tokens = result.tokens.input + result.tokens.output;
  return (
    <section aria-label="Result" data-testid="try-result" data-status={result.status} className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <Badge tone={status.tone} dot>
          {status.label}
        </Badge>
        {result.status !== "unsupported" ? (
          <dl className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
            <Metric label="Duration">{formatDuration(result.duration_ms)}</Metric>
            {tokens > 0 ? (
              <Metric label="Tokens" title={`${result.tokens.input} in · ${result.tokens.output} out`}>
                {tokens.toLocaleString("en")} tokens
              </Metric>
            ) : null}
            {result.cost > 0 ? <Metric label="Cost">{formatCost(result.cost)}</Metric> : null}
            {result.port !== null ? (
              <Metric label="Port">
                → <code className="font-mono text-slate-700">{result.port}</code>
              </Metric>
            ) : null}
          </dl>
        ) : null}
      </div>

      {result.status === "unsupported" && result.error ? (
        <div className="flex items-start gap-2.5 rounded-md bg-amber-50 px-3 py-2.5 text-[13px] leading-relaxed text-amber-900 ring-1 ring-amber-200 ring-inset">
          <InfoIcon className="mt-0.5 size-4 shrink-0 text-amber-500" />
          <p>{result.error.message}</p>
        </div>
      ) : null}
      {result.status === "failed" && result.error ? (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2.5 text-[13px] leading-relaxed text-red-800 ring-1 ring-red-200 ring-inset">
          <p className="font-mono text-[11px] font-medium tracking-wide text-red-600 uppercase">{result.error.code}</p>
          <p className="mt-0.5 break-words">{result.error.message}</p>
        </div>
      ) : null}
      {result.status !== "unsupported" && result.output !== undefined && result.output !== null ? (
        <JsonOutput label="Output" value={result.output} />
      ) : null}
      {result.events && result.events.length > 0 ? <JsonOutput label={`Events (${result.events.length})`} value={result.events} defaultOpen={false} /> : null}
    </section>
  );
}

function Metric({ label, title, children }: { label: string; title?: string; children: ReactNode }) {
  return (
    <div className="flex items-center gap-1" title={title}>
      <dt className="sr-only">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function formatCost(cost: number): string {
  return cost < 0.01 ? `$${cost.toFixed(4)}` : `$${cost.toFixed(2)}`;
}

/** Pretty JSON in a collapsible box with a copy button. */
function JsonOutput({ label, value, defaultOpen = true }: { label: string; value: unknown; defaultOpen?: boolean }) {
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1_500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    // The shared helper falls back to a hidden textarea where the Clipboard API is refused (http by IP).
    void copyToClipboard(text).then((ok) => ok && setCopied(true));
  };
  return (
    <details open={defaultOpen} className="group rounded-lg border border-slate-200 bg-white">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-3 py-1.5 text-[13px] font-medium text-slate-700 select-none hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <ChevronDownIcon className="size-4 -rotate-90 text-slate-400 transition-transform group-open:rotate-0" />
        {label}
        {typeof value === "string" ? <span className="text-xs font-normal text-slate-400">text</span> : null}
        <Button
          variant="ghost"
          size="sm"
          className="ml-auto h-7 px-2 text-xs text-slate-500"
          icon={copied ? <CheckIcon className="size-3.5 text-emerald-600" /> : <CopyIcon className="size-3.5" />}
          onClick={(event) => {
            event.preventDefault();
            copy();
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </summary>
      <pre className="max-h-[40vh] overflow-auto border-t border-slate-200 bg-slate-50 px-3 py-2.5 font-mono text-[12px] leading-5 break-words whitespace-pre-wrap text-slate-800">
        {text}
      </pre>
    </details>
  );
}
