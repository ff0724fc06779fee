"use client";
/**
 * The approval panel: what a person needs to decide a human step (title, instructions, how long
 * it has waited and when it times out, the data, readable) and the three decisions: Approve,
 * Edit & approve (a form from the step's `form` schema, checked before sending) and Reject
 * (with a comment). Refusals from the server (decided elsewhere, run cancelled, invalid data)
 * show in the panel; a decided approval shows its outcome, read-only.
 *
 * The same panel serves the run view's canvas (`variant="inline"`, a ~360-420 px card; it
 * offers "Copy link") and the standalone page of a signed link (`variant="page"`).
 * Render it with `key={approval.approval_id}` when the approval shown can change.
 */
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { PencilIcon } from "@/components/ui/icons";
import { InlineAlert } from "@/components/ui/inline-alert";
import type { Approval } from "@/shared/resources/run-detail";
import { describeDecisionError, type DecisionProblem, type OnTimeout } from "../lib/approval-display";
import { approvalForm, fieldOrder } from "../lib/approval-form";
import { ApprovalDataView } from "./approval-data-view";
import { ApprovalEditForm } from "./approval-edit-form";
import { CheckIcon, XCircleIcon } from "./approval-icons";
import { ApprovalMeta } from "./approval-meta";
import { ApprovalOutcome } from "./approval-outcome";
import { ApprovalRejectForm } from "./approval-reject-form";
import { CopiedLinkNotice, CopyApprovalLinkButton, type CopiedLink } from "./copy-approval-link";

export type ApprovalDecisionInput = { decision: "approve" | "reject"; data?: unknown; comment?: string };

export type ApprovalPanelProps = {
  approval: Approval;
  /** Records the decision (tRPC approvals.decide, or approvalLinks.decide with the token). */
  decide: (input: ApprovalDecisionInput) => Promise<Approval>;
  onDecided?: (approval: Approval) => void;
  variant?: "inline" | "page";
  /** The step's `on_timeout`, when the caller knows it: "Times out in 5 min, then …". */
  onTimeout?: OnTimeout | null;
  /** Offer "Copy link" (signed link for email/chat). Default: on for inline, off for the page. */
  allowLink?: boolean;
};

type Mode = "review" | "edit" | "reject";
type Sending = "approve" | "edit" | "reject" | null;

export function ApprovalPanel({ approval, decide, onDecided, variant = "inline", onTimeout, allowLink }: ApprovalPanelProps) {
  const titleId = useId();
  const [mode, setMode] = useState<Mode>("review");
  const [sending, setSending] = useState<Sending>(null);
  const [problem, setProblem] = useState<DecisionProblem | null>(null);
  const [recorded, setRecorded] = useState<Approval | null>(null);
  const [link, setLink] = useState<CopiedLink | null>(null);

  // Our own decision shows at once, before the caller's data catches up.
  const shown = recorded && approval.status === "pending" && recorded.approval_id === approval.approval_id ? recorded : approval;
  const pending = shown.status === "pending";
  const form = approvalForm(shown.form);
  const page = variant === "page";
  const size = page ? "md" : "sm";

  const send = async (kind: Exclude<Sending, null>, input: ApprovalDecisionInput) => {
    setSending(kind);
    setProblem(null);
    try {
      const result = await decide(input);
      setRecorded(result);
      setMode("review");
      onDecided?.(result);
    } catch (error) {
      const described = describeDecisionError(error);
      setProblem(described);
      if (described.closed) setMode("review");
    } finally {
      setSending(null);
    }
  };

  return (
    <article
      aria-labelledby={titleId}
      data-testid="approval-panel"
      data-status={shown.status}
      className={cx("flex flex-col", page ? "gap-5" : "gap-3.5 p-4")}
    >
      <header className="min-w-0">
        <div className="flex items-start justify-between gap-2">
          <h2 id={titleId} className={cx("min-w-0 font-semibold break-words text-slate-900", page ? "text-lg leading-snug" : "text-[15px] leading-snug")}>
            {shown.title}
          </h2>
          {pending && (allowLink ?? !page) ? <CopyApprovalLinkButton approvalId={shown.approval_id} onLink={setLink} /> : null}
        </div>
        {shown.instructions ? (
          <p className={cx("mt-1.5 break-words whitespace-pre-wrap text-slate-600", page ? "text-sm leading-relaxed" : "text-[13px] leading-relaxed")}>{shown.instructions}</p>
        ) : null}
        {pending ? <ApprovalMeta approval={shown} onTimeout={onTimeout} className="mt-3" /> : null}
      </header>

      {link ? <CopiedLinkNotice link={link} onClose={() => setLink(null)} /> : null}
      {!pending ? <ApprovalOutcome approval={shown} variant={variant} /> : null}
      {problem ? (
        <InlineAlert className="text-[13px]">
          <p className="font-medium">{problem.message}</p>
          {problem.problems.length > 0 ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-4">
              {problem.problems.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </InlineAlert>
      ) : null}

      {pending && mode === "edit" && form ? (
        <ApprovalEditForm
          idPrefix={`approval-${shown.approval_id}`}
          form={form}
          data={shown.data}
          submitting={sending === "edit"}
          variant={variant}
          onCancel={() => setMode("review")}
          onSubmit={(data) => void send("edit", { decision: "approve", data })}
        />
      ) : (
        <ApprovalDataView
          value={pending || shown.status !== "approved" ? shown.data : shown.result}
          order={fieldOrder(shown.form)}
          variant={variant}
          label={pending ? "Data to review" : shown.edited ? "Data as approved (edited)" : "Reviewed data"}
        />
      )}

      {pending && mode === "reject" ? (
        <ApprovalRejectForm
          variant={variant}
          submitting={sending === "reject"}
          onCancel={() => setMode("review")}
          onSubmit={(comment) => void send("reject", { decision: "reject", ...(comment ? { comment } : {}) })}
        />
      ) : null}

      {pending && mode === "review" ? (
        <footer
          className={cx(
            "flex flex-wrap items-center gap-2",
            // On the canvas the card scrolls: keep the decisions in reach. Solid, not blurred: a
            // backdrop blur is redrawn whenever anything under it changes (costly without a GPU).
            !page && "sticky bottom-0 -mx-4 -mb-4 border-t border-slate-200 bg-white px-4 py-3",
            page && "border-t border-slate-200 pt-5",
          )}
        >
          <Button variant="primary" size={size} icon={<CheckIcon />} loading={sending === "approve"} disabled={sending !== null} onClick={() => void send("approve", { decision: "approve" })}>
            Approve
          </Button>
          {form ? (
            <Button size={size} icon={<PencilIcon className="size-3.5" />} disabled={sending !== null} onClick={() => (setProblem(null), setMode("edit"))}>
              Edit &amp; approve
            </Button>
          ) : null}
          <Button
            size={size}
            icon={<XCircleIcon />}
            disabled={sending !== null}
            className="ml-auto text-red-700! hover:bg-red-50! hover:text-red-800!"
            onClick={() => (setProblem(null), setMode("reject"))}
          >
            Reject
          </Button>
        </footer>
      ) : null}
    </article>
  );
}
