"use client";
/**
 * A JSON value that stays responsive at any size: a lazy, paged tree (json/json-tree.tsx) or
 * the pretty-printed text with a size guard, plus copy and download of the whole value.
 * n8n froze on 0.5 MB outputs; here a 3 MB value renders what is opened, nothing more.
 */
import { useMemo, useState } from "react";
import { Tabs } from "@/features/editor/components/inspector/inspector-parts";
import { cx } from "@/components/ui/cx";
import { downloadText, jsonFileName } from "./json/clipboard";
import { CopyButton } from "./json/copy-button";
import { DownloadIcon } from "./json/json-icons";
import { countLines, formatBytes, guardText, jsonByteSize, safeStringify } from "./json/json-model";
import { JsonTree } from "./json/json-tree";

type Mode = "tree" | "text";
const MODES = [
  { id: "tree", label: "Tree" },
  { id: "text", label: "Raw" },
] as const;

export type JsonViewerProps = {
  value: unknown;
  /** What the value is, e.g. "Output of Fetch page": names the download and the region. */
  label: string;
  /** Root of copied paths, e.g. "input" → `input.items[0].name`. Default: none (`items[0].name`). */
  rootName?: string;
  /** Shown instead when the value is undefined. */
  emptyText?: string;
  /** Classes of the scrolling body (e.g. a max height); without, the body grows with its content. */
  bodyClassName?: string;
  className?: string;
};

export function JsonViewer({ value, label, rootName = "", emptyText = "No value", bodyClassName, className }: JsonViewerProps) {
  const [mode, setMode] = useState<Mode>("tree");
  const size = useMemo(() => jsonByteSize(value), [value]);

  if (value === undefined) {
    return <p className={cx("text-[13px] text-slate-500", className)}>{emptyText}</p>;
  }
  const pretty = () => safeStringify(value, 2) ?? String(value);

  return (
    <section aria-label={label} className={cx("rounded-lg border border-slate-200 bg-white", className)} data-testid="json-viewer">
      <div className="flex items-center gap-2 border-b border-slate-200 px-2 py-1.5">
        <Tabs label={`${label}: view as`} items={MODES} value={mode} onChange={setMode} size="sm" className="w-[120px]" />
        {size !== null ? <span className="text-[11px] text-slate-400 tabular-nums">{formatBytes(size)}</span> : null}
        <div className="ml-auto flex items-center gap-3 pr-1 text-[12px]">
          <CopyButton label={`Copy ${label}`} title="Copy the whole value as JSON" getText={pretty}>
            Copy
          </CopyButton>
          <button
            type="button"
            onClick={() => downloadText(pretty(), jsonFileName(label))}
            className="inline-flex items-center gap-1 text-slate-500 hover:text-slate-800"
            title="Download as a .json file"
          >
            <DownloadIcon className="size-3.5" />
            Download
          </button>
        </div>
      </div>
      <div className={cx("overflow-auto px-2.5 py-2", bodyClassName)}>
        {mode === "tree" ? <JsonTree value={value} rootName={rootName} /> : <JsonText value={value} onDownload={() => downloadText(pretty(), jsonFileName(label))} />}
      </div>
    </section>
  );
}

/** The pretty-printed text; above TEXT_VIEW_LIMIT only its head until "show everything". */
function JsonText({ value, onDownload }: { value: unknown; onDownload: () => void }) {
  const [showAll, setShowAll] = useState(false);
  const full = useMemo(() => safeStringify(value, 2) ?? String(value), [value]);
  const { text, hidden } = guardText(full, showAll);
  return (
    <>
      {hidden > 0 ? (
        <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-amber-50 px-2.5 py-1.5 text-[12px] text-amber-900 ring-1 ring-amber-200 ring-inset">
          <span>
            Showing the first {countLines(text).toLocaleString("en")} of {countLines(full).toLocaleString("en")} lines.
          </span>
          <button type="button" onClick={() => setShowAll(true)} className="font-medium text-amber-900 underline underline-offset-2">
            Show everything (may be slow)
          </button>
          <button type="button" onClick={onDownload} className="font-medium text-amber-900 underline underline-offset-2">
            Download
          </button>
        </div>
      ) : null}
      <pre className="font-mono text-[12px] leading-5 break-words whitespace-pre-wrap text-slate-800">{text}</pre>
    </>
  );
}
