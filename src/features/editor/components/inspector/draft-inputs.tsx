"use client";
/**
 * Inputs bound to a store value through a draft: typing stays local, a pause or a blur
 * writes once (one undo step), and an outside change (undo) shows up in the box.
 */
import { Input, Textarea } from "@/components/ui/input";
import { cx } from "@/components/ui/cx";
import { SKIP, useDraft, useValueDraft } from "../../forms/use-draft";
import { FieldHelp, FieldLabel, FieldMessages } from "../../forms/theme/field-parts";

type Common = {
  id: string;
  label: string;
  help?: string;
  errors?: readonly string[];
  placeholder?: string;
  aside?: string;
  className?: string;
};

const describedBy = (id: string, p: Common) =>
  [p.errors?.length ? `${id}-error` : null, p.help ? `${id}-help` : null].filter(Boolean).join(" ") || undefined;

export function DraftTextField(props: Common & { value: string; onCommit: (value: string) => void; multiline?: boolean; rows?: number }) {
  const { id, label, help, errors = [], placeholder, aside, className, value, onCommit, multiline = false, rows = 3 } = props;
  const { draft, setDraft, flush } = useValueDraft(value, onCommit);
  const common = {
    id,
    value: draft,
    placeholder,
    "aria-invalid": errors.length > 0 ? (true as const) : undefined,
    "aria-describedby": describedBy(id, props),
    onBlur: flush,
  };
  return (
    <div className={className}>
      <FieldLabel htmlFor={id} aside={aside}>
        {label}
      </FieldLabel>
      {multiline ? (
        <Textarea {...common} rows={rows} className="field-sizing-content max-h-80 min-h-16 text-[13px]! leading-5!" onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <Input {...common} className="h-8! text-[13px]!" onChange={(e) => setDraft(e.target.value)} />
      )}
      <FieldMessages errors={errors} id={`${id}-error`} />
      {help && <FieldHelp id={`${id}-help`}>{help}</FieldHelp>}
    </div>
  );
}

const toText = (value: number | undefined) => (value === undefined ? "" : String(value));

/** A number or "not set" (empty). Text that is not a number stays a draft, with a message. */
export function DraftNumberField(
  props: Common & { value: number | undefined; onCommit: (value: number | undefined) => void; integer?: boolean },
) {
  const { id, label, help, errors = [], placeholder, aside, className, value, onCommit, integer = false } = props;
  const parse = (text: string): number | undefined | typeof SKIP => {
    if (text.trim() === "") return undefined;
    const n = Number(text);
    return Number.isFinite(n) && (!integer || Number.isInteger(n)) ? n : SKIP;
  };
  const { draft, setDraft, flush } = useDraft({ value, commit: onCommit, toDraft: toText, fromDraft: parse });
  const local = parse(draft) === SKIP ? [integer ? "Enter a whole number." : "Enter a number."] : [];
  const all = [...local, ...errors];
  return (
    <div className={cx("min-w-0", className)}>
      <FieldLabel htmlFor={id} aside={aside}>
        {label}
      </FieldLabel>
      <Input
        id={id}
        // Text, not type=number: a half-typed "-" or "1e" stays visible and gets a message.
        inputMode={integer ? "numeric" : "decimal"}
        value={draft}
        placeholder={placeholder}
        aria-invalid={all.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, { ...props, errors: all })}
        className="h-8! text-[13px]! tabular-nums"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={flush}
      />
      <FieldMessages errors={all} id={`${id}-error`} />
      {help && <FieldHelp id={`${id}-help`}>{help}</FieldHelp>}
    </div>
  );
}
