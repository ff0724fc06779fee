"use client";
/**
 * How every config field is framed: label (with the number range), control, errors under
 * it, then the schema's description as help. Containers (groups, lists), switches and list
 * items frame themselves, so they only get their errors here.
 */
import type { FieldTemplateProps } from "@rjsf/utils";
import { fieldOptions } from "../config-form-schema";
import { splitMessages } from "../field-errors";
import { numberRange, type JsonObject } from "../json-schema-node";
import { FieldHelp, FieldLabel, FieldMessages } from "./field-parts";

export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, rawErrors, hidden, required, schema, uiSchema, fieldPathId } = props;
  const { errors, warnings } = splitMessages(rawErrors);
  if (hidden) return <div className="hidden">{children}</div>;
  const kind = fieldOptions(uiSchema).kind;
  const path = fieldPathId.path;
  const isRoot = path.length === 0;
  const isListItem = typeof path[path.length - 1] === "number";
  const framesItself = isRoot || isListItem || kind === "group" || kind === "list" || kind === "switch" || kind === undefined;

  if (framesItself) {
    return (
      <div data-field={path.join(".") || "config"}>
        {children}
        <FieldMessages errors={errors} warnings={warnings} id={`${id}__error`} />
      </div>
    );
  }
  const description = typeof schema.description === "string" ? schema.description : undefined;
  const range = kind === "number" ? numberRange(schema as JsonObject) : undefined;
  return (
    <div data-field={path.join(".")}>
      <FieldLabel htmlFor={id} required={required} aside={range}>
        {label}
      </FieldLabel>
      {children}
      <FieldMessages errors={errors} warnings={warnings} id={`${id}__error`} />
      {description && <FieldHelp id={`${id}__description`}>{description}</FieldHelp>}
    </div>
  );
}
