"use client";
/** The run input as a form generated from the segment's input_schema, in the config forms' theme. */
import type { IChangeEvent } from "@rjsf/core";
import Form from "@rjsf/core";
import type { ErrorSchema } from "@rjsf/utils";
import type { ReactNode } from "react";
import { AlertTriangleIcon } from "@/components/ui/icons";
import { isRecord } from "../../forms/json-schema-node";
import { pruneUndefined } from "../../forms/json-value";
import { formFields, formTemplates, formWidgets } from "../../forms/theme";
import { runInputValidator, type RunForm } from "./run-input-schema";

type Props = {
  form: RunForm;
  value: unknown;
  /** The JSON tab's text does not parse: the form shows the last input that did. */
  syntaxError: string | null;
  errorSchema: ErrorSchema | undefined;
  onChange: (value: unknown) => void;
  onShowJson: () => void;
};

export function RunInputForm({ form, value, syntaxError, errorSchema, onChange, onShowJson }: Props) {
  if (value !== undefined && !isRecord(value)) {
    return (
      <Note onShowJson={onShowJson}>
        The input in the JSON tab is {Array.isArray(value) ? "a list" : `a ${value === null ? "null" : typeof value}`}, not an object with the fields of
        this form.
      </Note>
    );
  }
  return (
    <div data-testid="run-input-form">
      {syntaxError !== null ? (
        <Note onShowJson={onShowJson}>The JSON tab has a syntax error: the form shows the last valid input, and editing it replaces the JSON.</Note>
      ) : null}
      <Form<unknown>
        tagName="div"
        idPrefix="run-input"
        schema={form.schema}
        uiSchema={form.uiSchema}
        formData={value ?? {}}
        validator={runInputValidator}
        templates={formTemplates}
        widgets={formWidgets}
        fields={formFields}
        extraErrors={errorSchema}
        noValidate
        showErrorList={false}
        onChange={(event: IChangeEvent<unknown>) => onChange(pruneUndefined(event.formData ?? {}))}
      />
    </div>
  );
}

function Note({ children, onShowJson }: { children: ReactNode; onShowJson: () => void }) {
  return (
    <p className="mb-4 flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-[12px] leading-snug text-amber-800 ring-1 ring-amber-200 ring-inset" role="note">
      <AlertTriangleIcon className="mt-px size-3.5 shrink-0" />
      <span>
        {children}{" "}
        <button type="button" onClick={onShowJson} className="font-medium underline underline-offset-2 hover:text-amber-950">
          Open the JSON tab
        </button>
      </span>
    </p>
  );
}
