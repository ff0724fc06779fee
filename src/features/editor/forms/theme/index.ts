/** The rjsf theme of the config forms: templates, widgets and fields in the app's look. */
import type { FormProps } from "@rjsf/core";
import type { RegistryFieldsType, RegistryWidgetsType } from "@rjsf/utils";
import { ExpressionWidget, JsonField } from "./code-fields";
import { ArrayFieldItemButtonsTemplate, ArrayFieldItemTemplate, ArrayFieldTemplate, ObjectFieldTemplate } from "./container-templates";
import { FieldTemplate } from "./field-template";
import { SegmentPickerWidget } from "./segment-picker";
import { BaseInputTemplate, SelectWidget, SwitchWidget, TextareaWidget } from "./widgets";

const Nothing = () => null;

export const formTemplates: NonNullable<FormProps["templates"]> = {
  FieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  ArrayFieldItemButtonsTemplate,
  BaseInputTemplate,
  // Errors are drawn by FieldTemplate under each field; descriptions as help text there too.
  ErrorListTemplate: Nothing,
  FieldErrorTemplate: Nothing,
  FieldHelpTemplate: Nothing,
  DescriptionFieldTemplate: Nothing,
  TitleFieldTemplate: Nothing,
  ArrayFieldTitleTemplate: Nothing,
  ArrayFieldDescriptionTemplate: Nothing,
  ButtonTemplates: { SubmitButton: Nothing },
};

export const formWidgets: RegistryWidgetsType = {
  TextareaWidget,
  SelectWidget,
  CheckboxWidget: SwitchWidget,
  expression: ExpressionWidget,
  segment: SegmentPickerWidget,
};

export const formFields: RegistryFieldsType = { json: JsonField };

export type { ConfigFormContext } from "./code-fields";
