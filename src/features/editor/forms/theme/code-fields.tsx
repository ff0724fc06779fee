"use client";
/**
 * Code-editor fields of the config form: JSONata expressions and `{{ }}` templates (linted
 * as you type, with autocomplete), and JSON values (objects like `form`, or any JSON like
 * `body`) whose text is kept locally until it parses.
 */
import type { CompletionSource } from "@codemirror/autocomplete";
import { ariaDescribedByIds, type FieldProps, type WidgetProps } from "@rjsf/utils";
import { useState } from "react";
import { CodeEditor } from "@/components/ui/code-editor";
import { fieldOptions } from "../config-form-schema";
import { lintJson, lintJsonata, lintTemplate, parseJsonText } from "../expression-lint";
import { isRecord } from "../json-schema-node";
import { formatJson, jsonEqual } from "../json-value";
import { FieldMessages } from "./field-parts";

/** What the config form hands its widgets through rjsf's formContext. */
export type ConfigFormContext = {
  completions?: { jsonata: CompletionSource; template: CompletionSource };
};

const hasError = (rawErrors: readonly string[] | undefined) => rawErrors?.some((m) => !m.startsWith("\u26a0")) ?? false;

export function ExpressionWidget(props: WidgetProps) {
  const { id, value, readonly, disabled, onChange, onBlur, uiSchema, placeholder, rawErrors, required, registry } = props;
  const options = fieldOptions(uiSchema);
  const template = options.kind === "template";
  const context = registry.formContext as ConfigFormContext | undefined;
  const text = typeof value === "string" ? value : "";
  return (
    <CodeEditor
      id={id}
      value={text}
      onChange={(next) => onChange(next === "" ? undefined : next)}
      onBlur={() => onBlur(id, text)}
      language={template ? "template" : "jsonata"}
      multiline={options.multiline ?? true}
      minLines={options.multiline ? (template ? 3 : 2) : 1}
      lint={template ? lintTemplate : (t) => lintJsonata(t, { allowEmpty: !required })}
      completions={template ? context?.completions?.template : context?.completions?.jsonata}
      placeholder={placeholder || (template ? "Text with {{ expressions }}" : "JSONata, e.g. step_input.score > 0.5")}
      readOnly={readonly || disabled}
      invalid={hasError(rawErrors)}
      aria-describedby={ariaDescribedByIds(id)}
    />
  );
}

/** Is `text` the editor's spelling of `value` (so an echo of our own change)? */
function textShows(text: string, value: unknown): boolean {
  if (text.trim() === "") return value === undefined;
  const parsed = parseJsonText(text);
  return parsed.ok && jsonEqual(parsed.value, value);
}

export function JsonField(props: FieldProps) {
  const { fieldPathId, formData, onChange, onBlur, uiSchema, readonly, disabled, rawErrors } = props;
  const options = fieldOptions(uiSchema);
  const [text, setText] = useState(() => formatJson(formData));
  const [shown, setShown] = useState<unknown>(formData);
  const [shape, setShape] = useState<string | null>(null);
  if (!jsonEqual(formData, shown)) {
    // Changed from outside (undo, another panel): show it unless the text already says so.
    setShown(formData);
    if (!textShows(text, formData)) {
      setText(formatJson(formData));
      setShape(null);
    }
  }

  const id = fieldPathId.$id;
  const change = (next: string) => {
    setText(next);
    if (next.trim() === "") {
      setShape(null);
      setShown(undefined);
      onChange(undefined, fieldPathId.path);
      return;
    }
    const parsed = parseJsonText(next);
    if (!parsed.ok) return; // the lint says why; the config keeps its last good value
    if (options.expect === "object" && !isRecord(parsed.value)) {
      setShape('This must be a JSON object: { "name": value, … }');
      return;
    }
    setShape(null);
    setShown(parsed.value);
    onChange(parsed.value, fieldPathId.path);
  };

  const parseError = text.trim() === "" ? undefined : lintJson(text)[0]?.message;
  const local = [parseError, shape].filter((m): m is string => m !== undefined && m !== null);
  return (
    <>
      <CodeEditor
        id={id}
        value={text}
        onChange={change}
        onBlur={() => onBlur(id, formData)}
        language="json"
        minLines={options.expect === "object" ? 3 : 2}
        maxLines={16}
        lint={lintJson}
        placeholder={jsonPlaceholder(options.expect, options.templates)}
        readOnly={readonly || disabled}
        invalid={local.length > 0 || hasError(rawErrors)}
        aria-describedby={ariaDescribedByIds(id)}
      />
      <FieldMessages errors={local} />
    </>
  );
}

function jsonPlaceholder(expect: "object" | "any" | undefined, templates: boolean | undefined): string {
  if (expect === "object") return templates ? '{ "Authorization": "Bearer {{ input.token }}" }' : '{ "type": "object", "properties": { … } }';
  return templates ? '"Text with {{ input.x }}" or { "json": "{{ input.x }}" }' : "Any JSON value";
}
