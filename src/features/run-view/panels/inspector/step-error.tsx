"use client";
/** A step's error: code, message and the facts the code carries (HTTP status, body excerpt, ...). */
import { Fact, FactList, Mono } from "@/features/editor/components/inspector/inspector-parts";
import { AlertCircleIcon } from "@/components/ui/icons";
import type { StepErrorInfo } from "@/shared/resources/run-detail";
import { CopyButton } from "../json/copy-button";
import { JsonViewer } from "../json-viewer";

/** Detail keys shown as facts rather than in the generic JSON of the rest. */
const KNOWN = new Set(["status", "body_excerpt"]);

export function StepError({ error, continued, label }: { error: StepErrorInfo; continued: boolean; label: string }) {
  const details = error.details ?? {};
  const status = details.status;
  const body = details.body_excerpt;
  const rest = Object.fromEntries(Object.entries(details).filter(([key]) => !KNOWN.has(key)));

  return (
    <div className="space-y-4" data-testid="step-error">
      <div className="rounded-lg bg-red-50 px-3.5 py-3 ring-1 ring-red-200 ring-inset">
        <div className="flex items-start gap-2.5">
          <AlertCircleIcon className="mt-0.5 size-4 shrink-0 text-red-500" />
          <div className="min-w-0 flex-1">
            <Mono className="bg-red-100! text-red-800!">{error.code}</Mono>
            <p className="mt-1.5 text-[13px] leading-relaxed break-words whitespace-pre-wrap text-red-900">{error.message}</p>
          </div>
          <CopyButton label="Copy the error" getText={() => JSON.stringify(error, null, 2)} className="shrink-0 text-red-700/70! hover:text-red-900!" />
        </div>
        {continued ? (
          <p className="mt-2.5 border-t border-red-200/70 pt-2 text-[12px] text-red-800/90">
            The step is set to continue on error: the run went on with <Mono className="bg-red-100!">{"{error}"}</Mono> as its output.
          </p>
        ) : null}
      </div>

      {status !== undefined ? (
        <FactList>
          <Fact label="HTTP status">
            <span className="font-mono tabular-nums">{String(status)}</span>
            {typeof status === "number" ? <span className="ml-2 text-slate-500">{httpStatusText(status)}</span> : null}
          </Fact>
        </FactList>
      ) : null}

      {typeof body === "string" && body !== "" ? (
        <div>
          <h4 className="mb-1.5 text-[12px] font-medium text-slate-600">Response body (excerpt)</h4>
          <pre className="max-h-64 overflow-auto rounded-lg bg-slate-50 px-3 py-2.5 font-mono text-[12px] leading-5 break-words whitespace-pre-wrap text-slate-800 ring-1 ring-slate-200 ring-inset">
            {body}
          </pre>
        </div>
      ) : null}

      {Object.keys(rest).length > 0 ? (
        <div>
          <h4 className="mb-1.5 text-[12px] font-medium text-slate-600">Details</h4>
          <JsonViewer value={rest} label={`Error details of ${label}`} />
        </div>
      ) : null}
    </div>
  );
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  408: "Request Timeout",
  409: "Conflict",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function httpStatusText(status: number): string {
  return STATUS_TEXT[status] ?? (status >= 500 ? "Server error" : status >= 400 ? "Client error" : "");
}
