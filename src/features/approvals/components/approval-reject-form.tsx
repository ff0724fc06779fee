"use client";
/** Reject: a comment for whoever follows the run (optional, but the box invites one). */
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Textarea } from "@/components/ui/input";
import { XCircleIcon } from "./approval-icons";

const MAX_COMMENT = 10_000;

export function ApprovalRejectForm({
  submitting,
  onSubmit,
  onCancel,
  variant,
}: {
  submitting: boolean;
  onSubmit: (comment: string) => void;
  onCancel: () => void;
  variant: "inline" | "page";
}) {
  const id = useId();
  const [comment, setComment] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(comment.trim());
  };
  const size = variant === "page" ? "md" : "sm";
  return (
    <form
      onSubmit={submit}
      aria-label="Reject"
      className={cx(
        "space-y-3",
        // On the canvas the composer docks at the bottom of the card, where the decisions were.
        variant === "inline"
          ? "sticky bottom-0 z-10 -mx-4 -mb-4 border-t border-red-200 bg-red-50 px-4 py-3"
          : "rounded-lg bg-red-50/50 p-4 ring-1 ring-red-200",
      )}
    >
      <div className="space-y-1.5">
        <div className="flex items-baseline justify-between gap-2">
          <label htmlFor={`${id}-comment`} className="text-[13px] font-medium text-slate-800">
            Why are you rejecting this?
          </label>
          <span className="text-[11px] text-slate-500">optional</span>
        </div>
        <Textarea
          id={`${id}-comment`}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          rows={3}
          maxLength={MAX_COMMENT}
          // Focus lands here when the reviewer chooses Reject: they are about to type.
          autoFocus
          disabled={submitting}
          placeholder="e.g. The figures in the second paragraph are wrong."
          className={cx("field-sizing-content min-h-[4.75rem] bg-white text-[13px]", variant === "inline" ? "max-h-40" : "max-h-60")}
        />
        <p className="text-[12px] text-slate-500">The comment is saved with the decision and passed on to the run.</p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="danger" size={size} loading={submitting} icon={<XCircleIcon />}>
          Reject
        </Button>
        <Button type="button" variant="ghost" size={size} disabled={submitting} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
