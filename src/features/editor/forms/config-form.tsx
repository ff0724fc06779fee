"use client";
/**
 * A step's config form, generated from its type's JSON Schema in the catalog and drawn
 * with rjsf in the app's theme. Edits stay local until a pause in typing or a blur, then go
 * to the store as one change (one undo step); problems show under the fields they are about,
 * computed from what is typed (the draft), not from the last commit.
 */
import type { IChangeEvent } from "@rjsf/core";
import Form from "@rjsf/core";
import validator from "@rjsf/validator-ajv8";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { TrashIcon } from "@/components/ui/icons";
import { builtinCatalog } from "@/shared/catalog";
import type { Problem } from "@/shared/validation";
import { draftConfigProblems, mergeConfigProblems } from "./config-problems";
import { configFormSchema } from "./config-form-schema";
import { configErrorSchema, splitMessages } from "./field-errors";
import { propertiesOf, type JsonObject } from "./json-schema-node";
import { pruneUndefined } from "./json-value";
import { UnknownTypeConfig } from "./unknown-type-config";
import { useValueDraft } from "./use-draft";
import { FieldMessages } from "./theme/field-parts";
import { formFields, formTemplates, formWidgets, type ConfigFormContext } from "./theme";

export type ConfigFormProps = {
  stepId: string;
  stepType: string;
  config: Record<string, unknown>;
  onCommit: (config: Record<string, unknown>) => void;
  /** The store's problems of this step (all of them; the form picks those in the config). */
  problems: readonly Problem[];
  context?: ConfigFormContext;
};

/** No defaults from rjsf: an empty field means the catalog default applies at run time. */
const NO_DEFAULTS = { emptyObjectFields: "skipDefaults", arrayMinItems: { populate: "never" } } as const;

export function ConfigForm(props: ConfigFormProps) {
  const meta = builtinCatalog.get(props.stepType);
  if (!meta) return <UnknownTypeConfig {...props} />;
  return <CatalogConfigForm {...props} />;
}

function CatalogConfigForm({ stepId, stepType, config, onCommit, problems, context }: ConfigFormProps) {
  const meta = builtinCatalog.get(stepType)!;
  const { schema, uiSchema } = configFormSchema(meta);
  const { draft, setDraft, flush } = useValueDraft(config, onCommit);

  const placed = useMemo(() => {
    const local = draftConfigProblems({ step_id: stepId, type: stepType }, draft);
    return configErrorSchema(mergeConfigProblems(local, problems), schema as JsonObject);
  }, [stepId, stepType, draft, problems, schema]);
  const top = splitMessages(placed.unplaced);
  // Keys the type does not know cannot be edited by any field: offer to remove them.
  const known = propertiesOf(schema as JsonObject) ?? {};
  const unknownKeys = Object.keys(draft).filter((key) => !(key in known));
  const removeKey = (key: string) => {
    const { [key]: _removed, ...rest } = draft;
    setDraft(rest);
    flush();
  };

  const onChange = (event: IChangeEvent<Record<string, unknown>>) => {
    const next = pruneUndefined(event.formData ?? {});
    setDraft(next);
  };

  return (
    <div data-testid="config-form" data-step-type={stepType}>
      {(top.errors.length > 0 || top.warnings.length > 0 || unknownKeys.length > 0) && (
        <div className="mb-4 rounded-md bg-red-50/60 px-3 py-2 ring-1 ring-red-200 ring-inset">
          <FieldMessages errors={top.errors} warnings={top.warnings} className="mt-0" />
          {unknownKeys.length > 0 && (
            <div className="mt-2 flex flex-wrap gap-1.5">
              {unknownKeys.map((key) => (
                <Button key={key} size="sm" variant="secondary" className="h-7! bg-white" icon={<TrashIcon className="size-3.5" />} onClick={() => removeKey(key)}>
                  Remove “{key}”
                </Button>
              ))}
            </div>
          )}
        </div>
      )}
      <Form<Record<string, unknown>>
        tagName="div"
        idPrefix={`cfg-${stepId}`}
        schema={schema}
        uiSchema={uiSchema}
        formData={draft}
        validator={validator}
        templates={formTemplates}
        widgets={formWidgets}
        fields={formFields}
        formContext={context}
        extraErrors={placed.errorSchema}
        noValidate
        showErrorList={false}
        experimental_defaultFormStateBehavior={NO_DEFAULTS}
        onChange={onChange}
        onBlur={flush}
      />
    </div>
  );
}
