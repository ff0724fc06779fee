"use client";
/**
 * `segment_id` of subsegment and map steps: a combobox over the saved segments (name, id,
 * latest revision), without the segment being edited (it cannot run itself). Any id may be
 * typed, also one no segment has yet (a child written later): the field then warns "not
 * saved yet". Typing searches; the config changes when a segment is picked, the typed id is
 * confirmed (Enter, or its "Use …" row) or the field is left, so a half-typed name never
 * shows as an invalid id. "Open" shows the chosen segment's editor in a new tab.
 */
import { useQuery } from "@tanstack/react-query";
import { ariaDescribedByIds, type WidgetProps } from "@rjsf/utils";
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { ChevronDownIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { cx } from "@/components/ui/cx";
import { isValidSegmentId } from "@/shared/segment";
import { useTRPC } from "@/trpc/client";
import { useEditorStore } from "../../store";
import { segmentChoices, segmentIdStatus, segmentIdWarning } from "../segment-options";
import { FieldMessages } from "./field-parts";
import { OpenSegmentLink, SegmentList } from "./segment-picker-parts";

const hasError = (rawErrors: readonly string[] | undefined) => rawErrors?.some((m) => !m.startsWith("\u26a0")) ?? false;

export function SegmentPickerWidget(props: WidgetProps) {
  const { id, value, readonly, disabled, onChange, onBlur, onFocus, rawErrors } = props;
  const selfId = useEditorStore((s) => s.base.segment_id);
  const trpc = useTRPC();
  const segments = useQuery(trpc.segments.list.queryOptions());
  const text = typeof value === "string" ? value : "";
  const locked = Boolean(readonly || disabled);

  const [open, setOpen] = useState(false);
  // What is typed since the list opened: a search, written to the config only when picked,
  // confirmed (Enter) or left (blur). null: not typing, the field shows the config's value.
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  const choices = useMemo(() => segmentChoices(segments.data ?? [], query ?? "", selfId), [segments.data, query, selfId]);
  const typed = query?.trim() ?? "";
  // A typed id no listed segment has may be used as it is ("not saved yet"); words typed to
  // search by name ("support triage") are no id and are not offered.
  const offerTyped = isValidSegmentId(typed) && typed !== selfId && !choices.some((s) => s.segment_id === typed);
  const rowCount = choices.length + (offerTyped ? 1 : 0);
  const highlighted = Math.min(active, Math.max(0, rowCount - 1));
  const status = segmentIdStatus(text, segments.data, selfId);
  const warning = segmentIdWarning(status);
  const chosen = status.kind === "saved" || status.kind === "no-revision" ? status.segment : null;

  const show = () => {
    if (locked) return;
    setActive(Math.max(0, segmentChoices(segments.data ?? [], "", selfId).findIndex((s) => s.segment_id === text)));
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const choose = (segmentId: string) => {
    onChange(segmentId === "" ? undefined : segmentId);
    close();
  };
  // A typed id (or an emptied field) may be kept; a search by name cannot.
  const typedUsable = query !== null && (typed === "" || isValidSegmentId(typed));
  /** Enter: the highlighted segment, else the typed id; a search matching nothing stays open. */
  const confirm = () => {
    if (open && highlighted < choices.length) choose(choices[highlighted]!.segment_id);
    else if (typedUsable) choose(typed);
    else if (query === null) close();
  };
  /** Leaving the field keeps a typed id; a search by name is dropped. */
  const leave = () => (typedUsable ? choose(typed) : close());

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return show();
      const delta = event.key === "ArrowDown" ? 1 : -1;
      setActive((highlighted + delta + rowCount) % Math.max(1, rowCount));
    } else if (event.key === "Enter") {
      event.preventDefault();
      confirm();
    } else if (event.key === "Escape" && (open || query !== null)) {
      // Drops the search, keeps the value; the canvas would otherwise clear the selection.
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    <div data-testid="segment-picker">
      <div className="flex items-center gap-2">
        <div className="relative min-w-0 flex-1">
          <Input
            ref={inputRef}
            id={id}
            name={id}
            value={query ?? text}
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && rowCount > 0 ? `${listId}-${highlighted}` : undefined}
            aria-invalid={hasError(rawErrors) || undefined}
            aria-describedby={ariaDescribedByIds(id)}
            autoComplete="off"
            spellCheck={false}
            placeholder="Choose a segment or type its id"
            readOnly={locked}
            className="h-8! pr-8 text-[13px]!"
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
              setOpen(true);
            }}
            onKeyDown={onKeyDown}
            onFocus={() => onFocus(id, text)}
            onBlur={() => {
              leave();
              onBlur(id, text);
            }}
          />
          {!locked && (
            <button
              type="button"
              tabIndex={-1}
              aria-label={open ? "Hide saved segments" : "Show saved segments"}
              className="absolute inset-y-0 right-0 flex w-8 items-center justify-center text-slate-400 hover:text-slate-600"
              // Keeps the focus in the input (its blur would close the list).
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                if (open) close();
                else show();
                inputRef.current?.focus();
              }}
            >
              <ChevronDownIcon className={cx("size-4 transition-transform", open && "rotate-180")} />
            </button>
          )}
          {open && (
            <SegmentList
              listId={listId}
              choices={choices}
              typed={offerTyped ? typed : null}
              highlighted={highlighted}
              selected={text}
              loading={segments.isPending}
              failed={segments.isError}
              onHover={setActive}
              onPick={choose}
            />
          )}
        </div>
        <OpenSegmentLink segmentId={chosen ? chosen.segment_id : null} name={chosen?.name} />
      </div>
      {chosen && status.kind === "saved" && (
        <p className="mt-1.5 truncate text-[12px] text-slate-500" data-testid="segment-picker-chosen">
          <span className="font-medium text-slate-700">{chosen.name}</span> · latest: rev {chosen.latest_revision}
        </p>
      )}
      {warning && <FieldMessages warnings={[warning]} className="mt-1.5" />}
    </div>
  );
}
