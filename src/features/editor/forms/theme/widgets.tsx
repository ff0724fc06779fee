"use client";
/**
 * Inputs of the config form, in the app's look: text and number boxes, auto-growing
 * textareas, selects and switches. An empty field means "use the default", which the
 * placeholder (text, numbers), the first option (selects) or the switch position shows.
 */
import {
  ariaDescribedByIds,
  enumOptionsIndexForValue,
  enumOptionsValueForIndex,
  getInputProps,
  type BaseInputTemplateProps,
  type WidgetProps,
} from "@rjsf/utils";
import type { ChangeEvent } from "react";
import { Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cx } from "@/components/ui/cx";
import { fieldOptions } from "../config-form-schema";

const invalid = (rawErrors: readonly string[] | undefined): true | undefined =>
  rawErrors?.some((m) => !m.startsWith("\u26a0")) ? true : undefined;

export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, onChangeOverride, options, schema, type, placeholder, rawErrors, htmlName } = props;
  const inputProps = getInputProps(schema, type, options);
  const numeric = inputProps.type === "number" || inputProps.type === "integer";
  const shown = numeric ? (value || value === 0 ? value : "") : (value ?? "");
  const handleChange = (event: ChangeEvent<HTMLInputElement>) =>
    onChange(event.target.value === "" ? options.emptyValue : event.target.value);
  return (
    <Input
      id={id}
      name={htmlName || id}
      {...inputProps}
      value={shown as string | number}
      placeholder={placeholder}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      aria-invalid={invalid(rawErrors)}
      aria-describedby={ariaDescribedByIds(id)}
      className={cx("h-8! text-[13px]!", numeric && "tabular-nums")}
      onChange={onChangeOverride ?? handleChange}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
    />
  );
}

export function TextareaWidget(props: WidgetProps) {
  const { id, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, options, placeholder, rawErrors, uiSchema, htmlName } = props;
  const rows = fieldOptions(uiSchema).rows ?? (typeof options.rows === "number" ? options.rows : 3);
  return (
    <Textarea
      id={id}
      name={htmlName || id}
      value={typeof value === "string" ? value : ""}
      rows={rows}
      placeholder={placeholder}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      aria-invalid={invalid(rawErrors)}
      aria-describedby={ariaDescribedByIds(id)}
      // Grows with its text (field-sizing), starting at `rows` lines.
      style={{ minHeight: `${rows * 20 + 18}px` }}
      className="field-sizing-content max-h-80 text-[13px]! leading-5!"
      onChange={(event) => onChange(event.target.value === "" ? options.emptyValue : event.target.value)}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
    />
  );
}

export function SelectWidget(props: WidgetProps) {
  const { id, value, readonly, disabled, onBlur, onFocus, onChange, options, required, uiSchema, rawErrors, htmlName } = props;
  const enumOptions = options.enumOptions ?? [];
  const defaultValue = fieldOptions(uiSchema).defaultValue;
  const index = enumOptionsIndexForValue(value, enumOptions, false);
  const selected = typeof index === "string" ? index : "";
  const emptyLabel = defaultValue !== undefined ? `Default (${String(defaultValue)})` : required ? "Choose…" : "Not set";
  const decode = (raw: string) => (raw === "" ? undefined : enumOptionsValueForIndex(raw, enumOptions));
  return (
    <Select
      id={id}
      name={htmlName || id}
      value={selected}
      disabled={disabled || readonly}
      aria-invalid={invalid(rawErrors)}
      aria-describedby={ariaDescribedByIds(id)}
      className="[&_select]:h-8 [&_select]:text-[13px]"
      onChange={(event) => onChange(decode(event.target.value))}
      onBlur={(event) => onBlur(id, decode(event.target.value))}
      onFocus={(event) => onFocus(id, decode(event.target.value))}
    >
      <option value="">{emptyLabel}</option>
      {enumOptions.map((option, i) => (
        <option key={String(option.value)} value={String(i)}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}

/** Booleans as a switch; unset shows (and means) the default. */
export function SwitchWidget(props: WidgetProps) {
  const { id, value, readonly, disabled, onChange, label, schema, uiSchema, onBlur, onFocus } = props;
  const defaultValue = fieldOptions(uiSchema).defaultValue;
  const on = typeof value === "boolean" ? value : defaultValue === true;
  const description = typeof schema.description === "string" ? schema.description : undefined;
  const title = (uiSchema?.["ui:title"] as string | undefined) ?? label;
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="min-w-0">
        <label htmlFor={id} className="text-[13px] font-medium text-slate-800">
          {title}
        </label>
        {description && <p className="mt-0.5 text-[12px] leading-snug text-slate-500">{description}</p>}
      </div>
      <Switch
        id={id}
        checked={on}
        disabled={disabled || readonly}
        onChange={(next) => onChange(next)}
        onBlur={() => onBlur(id, on)}
        onFocus={() => onFocus(id, on)}
        describedBy={ariaDescribedByIds(id)}
      />
    </div>
  );
}

export function Switch({
  id,
  checked,
  disabled,
  onChange,
  onBlur,
  onFocus,
  describedBy,
  label,
}: {
  id?: string;
  checked: boolean;
  disabled?: boolean | undefined;
  onChange: (checked: boolean) => void;
  onBlur?: () => void;
  onFocus?: () => void;
  describedBy?: string;
  label?: string;
}) {
  return (
    <button
      type="button"
      role="switch"
      id={id}
      aria-checked={checked}
      aria-label={label}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={() => onChange(!checked)}
      onBlur={onBlur}
      onFocus={onFocus}
      className={cx(
        "relative mt-0.5 inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50",
        checked ? "bg-indigo-600" : "bg-slate-300",
      )}
    >
      <span
        aria-hidden
        className={cx("inline-block size-4 rounded-full bg-white shadow-sm transition-transform", checked ? "translate-x-[18px]" : "translate-x-0.5")}
      />
    </button>
  );
}
