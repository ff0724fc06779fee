"use client";
/**
 * The run input as a list of fields (name, type, required, label, description, default,
 * allowed values), written to the segment's input_schema. Edits are drafts until a pause
 * in typing; a list with an empty or repeated name stays a draft until it is fixed.
 */
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ChevronDownIcon, PlusIcon, TrashIcon } from "@/components/ui/icons";
import {
  INPUT_FIELD_TYPES,
  inputFieldProblems,
  newInputField,
  withType,
  type InputField,
  type InputFieldType,
} from "../../forms/input-schema-fields";
import { jsonEqual } from "../../forms/json-value";
import { FieldMessages } from "../../forms/theme/field-parts";
import { Switch } from "../../forms/theme/widgets";

type Props = {
  fields: readonly InputField[];
  onChange: (fields: InputField[]) => void;
  onBlur: () => void;
};

export function InputSchemaBuilder({ fields, onChange, onBlur }: Props) {
  const problems = inputFieldProblems(fields);
  const update = (index: number, next: InputField) => onChange(fields.map((f, i) => (i === index ? next : f)));
  return (
    <div className="space-y-2" data-testid="input-schema-builder" onBlur={onBlur}>
      {fields.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 px-3 py-4 text-center text-[13px] text-slate-500">
          No fields: runs accept any input.
        </p>
      )}
      {fields.map((field, index) => (
        <FieldCard
          key={index}
          field={field}
          problem={problems.get(index)}
          onChange={(next) => update(index, next)}
          onRemove={() => onChange(fields.filter((_, i) => i !== index))}
        />
      ))}
      <Button size="sm" variant="secondary" icon={<PlusIcon className="size-3.5" />} onClick={() => onChange([...fields, newInputField(fields)])}>
        Add field
      </Button>
    </div>
  );
}

function FieldCard({
  field,
  problem,
  onChange,
  onRemove,
}: {
  field: InputField;
  problem: string | undefined;
  onChange: (field: InputField) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const extraKeys = Object.keys(field.extra);
  return (
    <details className="group/field rounded-lg border border-slate-200 bg-white open:shadow-xs" data-input-field={field.name}>
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-2.5 py-2 select-none hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <ChevronDownIcon className="size-3.5 shrink-0 -rotate-90 text-slate-400 transition-transform group-open/field:rotate-0" />
        <code className="min-w-0 truncate font-mono text-[12.5px] font-medium text-slate-900">{field.name || "(no name)"}</code>
        <span className="text-[11px] text-slate-400">{field.type}</span>
        {field.title && <span className="min-w-0 truncate text-[12px] text-slate-500">{field.title}</span>}
        <span className="ml-auto flex shrink-0 items-center gap-1">
          {field.required && <span className="rounded bg-rose-50 px-1.5 text-[10px] font-medium text-rose-700 uppercase">required</span>}
          {problem && <span className="size-2 rounded-full bg-red-500" aria-label="Has a problem" />}
        </span>
      </summary>
      <div className="space-y-3 border-t border-slate-100 px-3 pt-3 pb-3">
        <div className="grid grid-cols-[minmax(0,1fr)_116px] gap-2">
          <Labeled label="Name" htmlFor={`${id}-name`}>
            <Input
              id={`${id}-name`}
              value={field.name}
              spellCheck={false}
              aria-invalid={problem ? true : undefined}
              className="h-8! font-mono text-[12.5px]!"
              onChange={(e) => onChange({ ...field, name: e.target.value })}
            />
          </Labeled>
          <Labeled label="Type" htmlFor={`${id}-type`}>
            <Select
              id={`${id}-type`}
              value={field.type}
              className="[&_select]:h-8 [&_select]:text-[13px]"
              onChange={(e) => onChange(withType(field, e.target.value as InputFieldType))}
            >
              {INPUT_FIELD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </Labeled>
        </div>
        <FieldMessages errors={problem ? [problem] : []} className="mt-0" />
        <Labeled label="Label" htmlFor={`${id}-title`}>
          <Input id={`${id}-title`} value={field.title} placeholder="Shown when starting a run" className="h-8! text-[13px]!" onChange={(e) => onChange({ ...field, title: e.target.value })} />
        </Labeled>
        <Labeled label="Description" htmlFor={`${id}-description`}>
          <Input id={`${id}-description`} value={field.description} className="h-8! text-[13px]!" onChange={(e) => onChange({ ...field, description: e.target.value })} />
        </Labeled>
        <DefaultInput id={`${id}-default`} field={field} onChange={onChange} />
        {field.type === "string" && (
          <Labeled label="Allowed values" htmlFor={`${id}-enum`} aside="comma-separated; empty = any text">
            <LooseInput
              id={`${id}-enum`}
              value={field.enumValues}
              format={(values) => values.join(", ")}
              parse={splitList}
              placeholder="e.g. low, normal, high"
              className="h-8! text-[13px]!"
              onChange={(enumValues) => onChange({ ...field, enumValues })}
            />
          </Labeled>
        )}
        <div className="flex items-center justify-between gap-3 pt-1">
          <label className="flex items-center gap-2 text-[13px] text-slate-700">
            <Switch checked={field.required} onChange={(required) => onChange({ ...field, required })} label="Required" />
            Required
          </label>
          <Button size="sm" variant="ghost" className="-mr-2 text-slate-500 hover:bg-red-50 hover:text-red-600" icon={<TrashIcon className="size-3.5" />} onClick={onRemove}>
            Remove
          </Button>
        </div>
        {extraKeys.length > 0 && (
          <p className="text-[11px] text-slate-400">Also kept from the JSON: {extraKeys.join(", ")}.</p>
        )}
      </div>
    </details>
  );
}

const splitList = (text: string): string[] =>
  text
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");

function Labeled({ label, htmlFor, aside, children }: { label: string; htmlFor: string; aside?: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <div className="mb-1 flex items-baseline justify-between gap-2">
        <label htmlFor={htmlFor} className="text-[12px] font-medium text-slate-600">
          {label}
        </label>
        {aside && <span className="truncate text-[11px] text-slate-400">{aside}</span>}
      </div>
      {children}
    </div>
  );
}

/** The default as text for its type: numbers parsed, booleans chosen, objects/arrays as JSON. */
function DefaultInput({ id, field, onChange }: { id: string; field: InputField; onChange: (field: InputField) => void }) {
  const set = (value: unknown) => {
    const next = { ...field };
    if (value === undefined) delete next.default;
    else next.default = value;
    onChange(next);
  };
  if (field.type === "boolean") {
    return (
      <Labeled label="Default" htmlFor={id}>
        <Select id={id} value={field.default === undefined ? "" : String(field.default)} className="[&_select]:h-8 [&_select]:text-[13px]" onChange={(e) => set(e.target.value === "" ? undefined : e.target.value === "true")}>
          <option value="">None</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </Select>
      </Labeled>
    );
  }
  const format = (value: unknown) => (value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value));
  const parse = (raw: string): unknown => {
    if (raw === "") return undefined;
    if (field.type === "string") return raw;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw; // kept as typed; the JSON tab and the validator will say it does not fit
    }
  };
  return (
    <Labeled label="Default" htmlFor={id} aside={field.type === "object" || field.type === "array" ? "JSON" : undefined}>
      <LooseInput
        id={id}
        value={field.default}
        format={format}
        parse={parse}
        placeholder="None"
        className={field.type === "string" ? "h-8! text-[13px]!" : "h-8! font-mono text-[12.5px]!"}
        onChange={set}
      />
    </Labeled>
  );
}

/**
 * A text box for a value with several spellings ("a, b" and "a,b" are the same list): the
 * text is kept as typed while it means the value, and replaced when the value changes
 * from outside (undo, the JSON tab).
 */
function LooseInput<T>({
  value,
  format,
  parse,
  onChange,
  ...rest
}: {
  id: string;
  value: T;
  format: (value: T) => string;
  parse: (text: string) => T;
  onChange: (value: T) => void;
  placeholder?: string;
  className?: string;
}) {
  const [text, setText] = useState(() => format(value));
  // Guarded on the text too: a value its own spelling does not parse back to must not loop.
  if (!jsonEqual(parse(text), value) && text !== format(value)) setText(format(value));
  return (
    <Input
      {...rest}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parse(e.target.value));
      }}
    />
  );
}
