"use client";
/**
 * The segment's input_schema, edited two ways: a field builder, or the JSON itself. A schema
 * the builder cannot represent opens in the JSON tab, with the reason.
 */
import { useState } from "react";
import { CodeEditor } from "@/components/ui/code-editor";
import { AlertTriangleIcon } from "@/components/ui/icons";
import { lintJson, parseJsonText } from "../../forms/expression-lint";
import { inputFieldProblems, readInputSchema, writeInputSchema, type InputField } from "../../forms/input-schema-fields";
import { isRecord, type JsonObject } from "../../forms/json-schema-node";
import { formatJson } from "../../forms/json-value";
import { FieldHelp, FieldMessages } from "../../forms/theme/field-parts";
import { SKIP, useDraft } from "../../forms/use-draft";
import { useEditorStore } from "../../store";
import { InputSchemaBuilder } from "./input-schema-builder";
import { Tabs } from "./inspector-parts";

type Tab = "builder" | "json";
const TABS = [
  { id: "builder", label: "Fields" },
  { id: "json", label: "JSON" },
] as const;

export function InputSchemaEditor() {
  const schema = useEditorStore((s) => s.base.input_schema);
  const read = readInputSchema(schema);
  const [tab, setTab] = useState<Tab>(read.ok ? "builder" : "json");
  return (
    <div data-testid="input-schema-editor">
      <Tabs size="sm" className="mb-3" label="Input schema editor" items={TABS} value={tab} onChange={setTab} />
      {!read.ok && (
        <p className="mb-3 flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-[12px] leading-snug text-amber-800 ring-1 ring-amber-200 ring-inset" role="note">
          <AlertTriangleIcon className="mt-px size-3.5 shrink-0" />
          <span>
            {read.reason} Edit it as JSON{tab === "builder" ? " in the JSON tab" : ""}; the field builder shows simple object schemas.
          </span>
        </p>
      )}
      {tab === "json" ? <JsonSchemaTab schema={schema} /> : read.ok ? <BuilderTab schema={schema} /> : null}
    </div>
  );
}

function BuilderTab({ schema }: { schema: JsonObject | undefined }) {
  const updateBase = useEditorStore((s) => s.updateBase);
  const { draft, setDraft, flush } = useDraft<JsonObject | undefined, InputField[]>({
    value: schema,
    commit: (input_schema) => updateBase({ input_schema }),
    toDraft: (value) => {
      const read = readInputSchema(value);
      return read.ok ? read.fields : [];
    },
    fromDraft: (fields) => (inputFieldProblems(fields).size > 0 ? SKIP : writeInputSchema(fields, schema)),
  });
  return <InputSchemaBuilder fields={draft} onChange={setDraft} onBlur={flush} />;
}

function toSchema(text: string): JsonObject | undefined | typeof SKIP {
  if (text.trim() === "") return undefined;
  const parsed = parseJsonText(text);
  return parsed.ok && isRecord(parsed.value) ? parsed.value : SKIP;
}

function JsonSchemaTab({ schema }: { schema: JsonObject | undefined }) {
  const updateBase = useEditorStore((s) => s.updateBase);
  const { draft, setDraft, flush } = useDraft<JsonObject | undefined, string>({
    value: schema,
    commit: (input_schema) => updateBase({ input_schema }),
    toDraft: formatJson,
    fromDraft: toSchema,
  });
  const parsed = draft.trim() === "" ? undefined : parseJsonText(draft);
  const errors =
    parsed === undefined ? [] : !parsed.ok ? [parsed.diagnostic.message] : !isRecord(parsed.value) ? ["The input schema must be a JSON object."] : [];
  return (
    <div>
      <CodeEditor
        id="segment-input-schema-json"
        aria-label="Input schema (JSON Schema)"
        value={draft}
        onChange={setDraft}
        onBlur={flush}
        language="json"
        minLines={6}
        maxLines={22}
        lint={lintJson}
        placeholder='{ "type": "object", "properties": { "topic": { "type": "string" } }, "required": ["topic"] }'
        invalid={errors.length > 0}
      />
      <FieldMessages errors={errors} />
      <FieldHelp>JSON Schema of the run input. Empty: runs accept any input.</FieldHelp>
    </div>
  );
}
