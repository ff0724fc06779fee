"use client";
/** Import a segment from a file (picker or drop) or pasted JSON; syntax errors say where. */
import { useRef, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/input";
import { InlineAlert } from "@/components/ui/inline-alert";
import { useImportSegment } from "../../hooks/use-import-segment";
import { useSaveSession, useSaveState } from "../save-state/save-state-context";
import { FileJsonIcon, UploadIcon } from "../save-state/session-icons";
import { importFailureOf, type ImportFailure } from "./parse-import";

export function ImportDialog() {
  const { store } = useSaveSession();
  const open = useSaveState((s) => s.importOpen);
  const seed = useSaveState((s) => s.importSeed);
  const close = () => store.getState().set({ importOpen: false, importSeed: null });
  return (
    <Dialog
      open={open}
      onClose={close}
      size="lg"
      title="Import segment JSON"
      description="The file replaces this segment's steps, connections and settings, its name included; the segment keeps its id. Ctrl+Z undoes the import."
    >
      <ImportForm seed={seed} onCancel={close} />
    </Dialog>
  );
}

type Seed = { text: string; fileName: string } | null;

function ImportForm({ seed, onCancel }: { seed: Seed; onCancel: () => void }) {
  const importSegment = useImportSegment();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(seed?.text ?? "");
  const [fileName, setFileName] = useState<string | null>(seed?.fileName ?? null);
  const [failure, setFailure] = useState<ImportFailure | null>(() => (seed ? importFailureOf(seed.text) : null));
  const [dragging, setDragging] = useState(false);

  const run = (content: string, name: string) => {
    const outcome = importSegment(content, name);
    if (!outcome.ok) setFailure(outcome);
  };

  const loadFile = async (file: File) => {
    const content = await file.text();
    // The text stays in the box: a file with a syntax error can be fixed right here.
    setText(content);
    setFileName(file.name);
    setFailure(null);
    run(content, file.name);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void loadFile(file);
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() !== "") run(text, fileName ?? "pasted JSON");
      }}
      noValidate
    >
      <DialogBody>
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={cx(
            "flex items-center gap-3.5 rounded-lg border border-dashed px-4 py-3.5 transition-colors",
            dragging ? "border-indigo-400 bg-indigo-50" : "border-slate-300 bg-slate-50/60",
          )}
        >
          <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-white text-indigo-600 shadow-xs ring-1 ring-slate-200">
            <FileJsonIcon className="size-[18px]" />
          </span>
          <div className="min-w-0 flex-1 text-sm">
            <p className="font-medium text-slate-800">{fileName ?? "Drop a .json file here"}</p>
            <p className="text-[13px] text-slate-500">Or drop it straight onto the canvas. Exported segments open as they were.</p>
          </div>
          <Button size="sm" icon={<UploadIcon />} onClick={() => fileInput.current?.click()}>
            Choose file…
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="sr-only"
            tabIndex={-1}
            aria-label="Segment file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void loadFile(file);
            }}
          />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="import-json" className="block text-sm font-medium text-slate-800">
            Or paste JSON
          </label>
          <Textarea
            id="import-json"
            data-autofocus
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setFailure(null);
            }}
            rows={12}
            spellCheck={false}
            aria-invalid={failure ? true : undefined}
            aria-describedby={failure ? "import-error" : undefined}
            placeholder={'{\n  "segment_id": "…",\n  "name": "…",\n  "entrypoint": "…",\n  "steps": [],\n  "edges": []\n}'}
            className="font-mono text-[12px] leading-5"
          />
        </div>
        {failure ? <ImportError id="import-error" failure={failure} text={text} /> : null}
      </DialogBody>
      <DialogFooter>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={text.trim() === ""}>
          Import
        </Button>
      </DialogFooter>
    </form>
  );
}

/** The message, and for a syntax error the line it is on with a caret under the column. */
function ImportError({ id, failure, text }: { id: string; failure: ImportFailure; text: string }) {
  const where = failure.line !== undefined && failure.column !== undefined ? { line: failure.line, column: failure.column } : null;
  const source = where ? excerpt(text.split("\n")[where.line - 1] ?? "", where.column) : null;
  return (
    <InlineAlert className="[&>div]:min-w-0">
      <p id={id}>
        {where ? (
          <span className="font-semibold">
            Line {where.line}, column {where.column}:{" "}
          </span>
        ) : null}
        {failure.message}
      </p>
      {where && source ? (
        <pre className="mt-2 overflow-x-auto rounded bg-white/70 px-2 py-1.5 font-mono text-[12px] leading-5 text-slate-800 ring-1 ring-red-200">
          <span className="mr-3 text-slate-400 select-none">{where.line}</span>
          {source.text}
          {"\n"}
          <span className="mr-3 text-transparent select-none">{where.line}</span>
          <span className="text-red-600">{`${" ".repeat(source.caret)}^`}</span>
        </pre>
      ) : null}
    </InlineAlert>
  );
}

/** Up to 80 characters of the line around the column (minified JSON is one long line). */
function excerpt(line: string, column: number): { text: string; caret: number } {
  const start = Math.max(0, column - 1 - 40);
  const prefix = start > 0 ? "…" : "";
  const body = line.slice(start, start + 80).replace(/\t/g, " ");
  return { text: `${prefix}${body}${start + 80 < line.length ? "…" : ""}`, caret: prefix.length + column - 1 - start };
}
