"use client";
/**
 * Objects and arrays. The config root is a plain stack of fields (two short fields, such as
 * numbers and selects, share a row); a nested object (critic_loop's generator and critic)
 * is a collapsible section; a list of strings (mock_responses) has add/remove/reorder.
 */
import type {
  ArrayFieldItemButtonsTemplateProps,
  ArrayFieldItemTemplateProps,
  ArrayFieldTemplateProps,
  ObjectFieldTemplatePropertyType,
  ObjectFieldTemplateProps,
  UiSchema,
} from "@rjsf/utils";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon, PlusIcon, TrashIcon } from "@/components/ui/icons";
import { fieldOptions } from "../config-form-schema";
import { FieldHelp } from "./field-parts";

type Row = { key: string; half: ObjectFieldTemplatePropertyType[] } | { key: string; full: ObjectFieldTemplatePropertyType };

/** Consecutive "half" fields pair up; a lone one takes the whole row. */
function rows(properties: readonly ObjectFieldTemplatePropertyType[], uiSchema: UiSchema | undefined): Row[] {
  const out: Row[] = [];
  let pending: ObjectFieldTemplatePropertyType[] = [];
  const flush = () => {
    if (pending.length === 2) out.push({ key: pending.map((p) => p.name).join("+"), half: pending });
    else if (pending.length === 1) out.push({ key: pending[0]!.name, full: pending[0]! });
    pending = [];
  };
  for (const property of properties) {
    if (property.hidden) continue;
    const half = fieldOptions(uiSchema?.[property.name] as UiSchema | undefined).half === true;
    if (!half) {
      flush();
      out.push({ key: property.name, full: property });
      continue;
    }
    pending.push(property);
    if (pending.length === 2) flush();
  }
  flush();
  return out;
}

function Fields({ properties, uiSchema }: { properties: readonly ObjectFieldTemplatePropertyType[]; uiSchema: UiSchema | undefined }) {
  return (
    <div className="space-y-4">
      {rows(properties, uiSchema).map((row) =>
        "full" in row ? (
          <div key={row.key}>{row.full.content}</div>
        ) : (
          <div key={row.key} className="grid grid-cols-2 items-start gap-3">
            {row.half.map((p) => (
              <div key={p.name} className="min-w-0">
                {p.content}
              </div>
            ))}
          </div>
        ),
      )}
    </div>
  );
}

export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { properties, uiSchema, fieldPathId, title, schema } = props;
  if (fieldPathId.path.length === 0) return <Fields properties={properties} uiSchema={uiSchema} />;
  const description = typeof schema.description === "string" ? schema.description : undefined;
  return (
    <details open className="group/section rounded-lg border border-slate-200 bg-white" data-section={fieldPathId.path.join(".")}>
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-3 py-2.5 select-none hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <ChevronDownIcon className="size-4 shrink-0 -rotate-90 text-slate-400 transition-transform group-open/section:rotate-0" />
        <span className="min-w-0 flex-1">
          <span className="block text-[13px] font-semibold text-slate-800">{uiSchema?.["ui:title"] ?? title}</span>
          {description && <span className="block truncate text-[12px] text-slate-500">{description}</span>}
        </span>
      </summary>
      <div className="border-t border-slate-100 px-3 pt-3 pb-4">
        <Fields properties={properties} uiSchema={uiSchema} />
      </div>
    </details>
  );
}

export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { items, canAdd, onAddClick, disabled, readonly, title, uiSchema, schema, fieldPathId } = props;
  const label = (uiSchema?.["ui:title"] as string | undefined) ?? title;
  const description = typeof schema.description === "string" ? schema.description : undefined;
  return (
    <fieldset data-list={fieldPathId.path.join(".")}>
      <div className="mb-1.5 flex items-baseline justify-between gap-2">
        <legend className="text-[13px] font-medium text-slate-800">{label}</legend>
        <span className="text-[11px] text-slate-400 tabular-nums">{items.length === 0 ? "none" : items.length}</span>
      </div>
      {items.length > 0 && <div className="space-y-2">{items}</div>}
      {canAdd && (
        <Button
          size="sm"
          variant="ghost"
          icon={<PlusIcon className="size-3.5" />}
          onClick={onAddClick}
          disabled={disabled || readonly}
          className={items.length > 0 ? "mt-1.5 -ml-2.5" : "-ml-2.5"}
        >
          Add {items.length === 0 ? "one" : "another"}
        </Button>
      )}
      {description && <FieldHelp>{description}</FieldHelp>}
    </fieldset>
  );
}

export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, index } = props;
  return (
    <div className="flex items-start gap-1.5" data-item={index}>
      <span className="mt-2 w-4 shrink-0 text-right text-[11px] text-slate-400 tabular-nums">{index + 1}</span>
      <div className="min-w-0 flex-1">{children}</div>
      {hasToolbar && <ArrayItemButtons {...buttonsProps} />}
    </div>
  );
}

function ArrayItemButtons(props: ArrayFieldItemButtonsTemplateProps) {
  const { hasMoveUp, hasMoveDown, hasRemove, onMoveUpItem, onMoveDownItem, onRemoveItem, disabled, readonly, index, totalItems } = props;
  const off = disabled || readonly;
  return (
    <div className="flex shrink-0 flex-col items-center pt-0.5">
      {hasRemove && (
        <ItemButton label={`Remove item ${index + 1}`} onClick={onRemoveItem} disabled={off} tone="danger">
          <TrashIcon className="size-3.5" />
        </ItemButton>
      )}
      {totalItems > 1 && (hasMoveUp || hasMoveDown) && (
        <>
          <ItemButton label="Move up" onClick={onMoveUpItem} disabled={off || !hasMoveUp}>
            <ChevronDownIcon className="size-3.5 rotate-180" />
          </ItemButton>
          <ItemButton label="Move down" onClick={onMoveDownItem} disabled={off || !hasMoveDown}>
            <ChevronDownIcon className="size-3.5" />
          </ItemButton>
        </>
      )}
    </div>
  );
}

function ItemButton({
  label,
  onClick,
  disabled,
  tone = "neutral",
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean | undefined;
  tone?: "neutral" | "danger";
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className={
        "rounded p-1 text-slate-400 transition-colors disabled:opacity-30 disabled:hover:bg-transparent " +
        (tone === "danger" ? "hover:bg-red-50 hover:text-red-600" : "hover:bg-slate-100 hover:text-slate-700")
      }
    >
      {children}
    </button>
  );
}

export { ArrayItemButtons as ArrayFieldItemButtonsTemplate };
