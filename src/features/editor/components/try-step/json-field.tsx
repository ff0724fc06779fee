"use client";
/** A JSON value typed in a code editor, with the syntax error (line, column) under it. */
import type { ReactNode } from "react";
import { CodeEditor, type CodeDiagnostic } from "@/components/ui/code-editor";
import { findJsonSyntaxError } from "../../lib/json-syntax";

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  placeholder?: string;
  minLines?: number;
  aside?: ReactNode;
};

/** Parses a field: empty text is "not given" (undefined). */
export function parseJsonField(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const found = findJsonSyntaxError(text);
    return {
      ok: false,
      message: found ? `Line ${found.line}, column ${found.column}: ${found.message}` : error instanceof Error ? error.message : "Not valid JSON",
    };
  }
}

function lintJson(text: string): CodeDiagnostic[] {
  if (text.trim() === "") return [];
  const found = findJsonSyntaxError(text);
  return found ? [{ from: found.offset, to: found.offset + 1, message: found.message, severity: "error" }] : [];
}

export function JsonField({ id, label, value, onChange, hint, placeholder, minLines = 4, aside }: Props) {
  const parsed = parseJsonField(value);
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-[13px] font-medium text-slate-800">
          {label}
        </label>
        {aside}
      </div>
      <CodeEditor
        id={id}
        language="json"
        value={value}
        onChange={onChange}
        lint={lintJson}
        minLines={minLines}
        maxLines={14}
        placeholder={placeholder}
        invalid={!parsed.ok}
        aria-describedby={!parsed.ok ? errorId : undefined}
      />
      {!parsed.ok ? (
        <p id={errorId} className="text-[12px] font-medium text-red-600">
          {parsed.message}
        </p>
      ) : hint ? (
        <p className="text-[12px] text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}
