"use client";
/**
 * Edit & approve: the data in a form generated from the approval's `form` schema (or a JSON
 * editor when the schema is not an object with fields), prefilled with the data under review.
 * Problems show under their fields once the reviewer tries to approve, and update as they fix
 * them; nothing is sent while any remain.
 */
import Form from "@rjsf/core";
import type { IChangeEvent } from "@rjsf/core";
import { useMemo, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { CodeEditor } from "@/components/ui/code-editor";
import { cx } from "@/components/ui/cx";
import { lintJson, parseJsonText } from "@/features/editor/forms/expression-lint";
import { pruneUndefined } from "@/features/editor/forms/json-value";
import { FieldMessages } from "@/features/editor/forms/theme/field-parts";
import { formFields, formTemplates, formWidgets } from "@/features/editor/forms/theme";
import { runInputValidator } from "@/features/editor/components/run/run-input-schema";
import { editProblems, initialEditData, reviewForm, type ApprovalForm } from "../lib/approval-form";
import { CheckIcon } from "./approval-icons";

type Props = {
  idPrefix: string;
  form: ApprovalForm;
  data: unknown;
  submitting: boolean;
  onSubmit: (data: unknown) => void;
  onCancel: () => void;
  variant: "inline" | "page";
};

export function ApprovalEditForm({ idPrefix, form, data, submitting, onSubmit, onCancel, variant }: Props) {
  const [draft, setDraft] = useState<unknown>(() => initialEditData(form, data));
  const [text, setText] = useState(() => JSON.stringify(data ?? null, null, 2));
  const [tried, setTried] = useState(false);
  // Tuned to the data the form opened with (text areas for long text); stable while editing.
  const [fields] = useState(() => (form.kind === "fields" ? reviewForm(form.form, data) : null));
  const parsed = form.kind === "json" ? parseJsonText(text) : null;
  const value = parsed ? (parsed.ok ? parsed.value : undefined) : draft;
  const problems = useMemo(() => (value === undefined ? null : editProblems(form, value)), [form, value]);
  const syntaxError = parsed && !parsed.ok;
  const blocked = syntaxError || (problems?.messages.length ?? 0) > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (blocked || value === undefined) {
      // Bring the first problem into view (a long form scrolls inside the panel).
      requestAnimationFrame(() => document.querySelector(`#${CSS.escape(idPrefix)}-fields [aria-invalid="true"], #${CSS.escape(idPrefix)}-problems`)?.scrollIntoView({ block: "nearest" }));
      return;
    }
    onSubmit(value);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit the data, then approve" className="space-y-3">
      <div id={`${idPrefix}-fields`} className={cx("rounded-lg bg-white p-3 ring-1 ring-indigo-200", variant === "page" && "p-4")}>
        {fields ? (
          <Form<unknown>
            tagName="div"
            idPrefix={idPrefix}
            schema={fields.schema}
            uiSchema={fields.uiSchema}
            formData={draft}
            validator={runInputValidator}
            templates={formTemplates}
            widgets={formWidgets}
            fields={formFields}
            extraErrors={tried ? problems?.errorSchema : undefined}
            noValidate
            showErrorList={false}
            disabled={submitting}
            onChange={(event: IChangeEvent<unknown>) => setDraft(pruneUndefined(event.formData ?? {}))}
          />
        ) : (
          <div className="space-y-1.5">
            <label htmlFor={`${idPrefix}-json`} className="text-[13px] font-medium text-slate-800">
              Data (JSON)
            </label>
            <CodeEditor
              id={`${idPrefix}-json`}
              value={text}
              onChange={setText}
              language="json"
              lint={lintJson}
              minLines={4}
              maxLines={variant === "page" ? 22 : 14}
              readOnly={submitting}
              invalid={tried && blocked}
            />
          </div>
        )}
      </div>
      {tried && (syntaxError || (problems && problems.messages.length > 0)) ? (
        <div id={`${idPrefix}-problems`} className="rounded-md bg-red-50/70 px-3 py-2 ring-1 ring-red-200 ring-inset">
          <p className="text-[12.5px] font-medium text-red-800">Fix these before approving:</p>
          <FieldMessages errors={syntaxError && parsed && !parsed.ok ? [`JSON syntax: ${parsed.diagnostic.message}`] : (problems?.messages ?? [])} />
        </div>
      ) : null}
      <div
        className={cx(
          "flex flex-wrap items-center gap-2",
          // On the canvas the card scrolls: keep the decision in reach below a long form.
          variant === "inline" && "sticky bottom-0 z-10 -mx-4 -mb-4 border-t border-slate-200 bg-white px-4 py-3",
        )}
      >
        <Button type="submit" variant="primary" size={variant === "page" ? "md" : "sm"} loading={submitting} icon={<CheckIcon />}>
          Approve with changes
        </Button>
        <Button type="button" variant="ghost" size={variant === "page" ? "md" : "sm"} disabled={submitting} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
