/**
 * How approvals read to people: who decided, what the outcome was, what a timeout will do,
 * and server refusals worded for the person who clicked (pure: unit-tested).
 */
import type { Approval } from "@/shared/resources/run-detail";

export type OnTimeout = "approve" | "reject" | "fail";

/** Account ids → what to call them (their email): see people-context.tsx. */
export type People = ReadonlyMap<string, string>;

/**
 * Who decided, for a column or "by …": the account's email when `people` knows the id, else
 * "Local owner", "Approval link", "Timeout", "Command line", or the stored id.
 */
export function deciderLabel(decidedBy: string | null, people?: People): string {
  if (!decidedBy) return "Someone";
  const known = people?.get(decidedBy);
  if (known) return known;
  if (decidedBy === "system:timeout") return "Timeout";
  if (decidedBy.startsWith("link:")) return "Approval link";
  if (decidedBy === "local-owner") return "Local owner";
  if (decidedBy === "cli") return "Command line";
  return decidedBy;
}

/** "by ada@example.com", or "through the approval link": the end of "Approved …". */
export function decidedByPhrase(decidedBy: string | null, people?: People): string {
  return decidedBy?.startsWith("link:") ? "through the approval link" : `by ${deciderLabel(decidedBy, people)}`;
}

export type OutcomeTone = "green" | "red" | "amber" | "slate";
export type Outcome = { label: string; tone: OutcomeTone; sentence: string };

/** The headline of a decided (or closed) approval, without the time. */
export function outcomeOf(approval: Pick<Approval, "status" | "decision" | "edited" | "decided_by">, people?: People): Outcome {
  const by = decidedByPhrase(approval.decided_by, people);
  switch (approval.status) {
    case "approved":
      return { label: approval.edited ? "Approved with edits" : "Approved", tone: "green", sentence: `${approval.edited ? "Edited and approved" : "Approved"} ${by}` };
    case "rejected":
      return { label: "Rejected", tone: "red", sentence: `Rejected ${by}` };
    case "expired":
      return {
        label: "Expired",
        tone: "amber",
        sentence:
          approval.decision === "approved"
            ? "No decision in time: approved automatically"
            : approval.decision === "rejected"
              ? "No decision in time: rejected automatically"
              : "No decision in time: the step failed",
      };
    case "cancelled":
      return { label: "Cancelled", tone: "slate", sentence: "The run was cancelled before anyone decided" };
    case "pending":
      return { label: "Waiting", tone: "amber", sentence: "Waiting for a decision" };
  }
}

/** What the timeout does, as the end of "Expires in 5 minutes, then …". */
export function timeoutConsequence(onTimeout: OnTimeout | null | undefined): string | null {
  switch (onTimeout) {
    case "approve":
      return "then it is approved automatically";
    case "reject":
      return "then it is rejected automatically";
    case "fail":
      return "then the step fails";
    default:
      return null;
  }
}

/** The parts of a tRPC client error the panel reads (no import of the client: keeps this pure). */
type ErrorLike = {
  message?: unknown;
  data?: { code?: unknown; appCode?: unknown; details?: unknown } | null;
};

export type DecisionProblem = {
  /** One sentence for the alert. */
  message: string;
  /** Extra lines (form problems), if any. */
  problems: string[];
  /** The approval is no longer pending (decided elsewhere, run cancelled or finished). */
  closed: boolean;
};

/** Turns an error from a decide call into what the panel shows. */
export function describeDecisionError(error: unknown): DecisionProblem {
  const e = (typeof error === "object" && error !== null ? error : {}) as ErrorLike;
  const raw = typeof e.message === "string" ? e.message : "";
  const code = typeof e.data?.code === "string" ? e.data.code : undefined;
  const details = Array.isArray(e.data?.details) ? (e.data.details as { message?: unknown }[]) : [];

  const already = /already (approved|rejected|expired|cancelled)/i.exec(raw);
  if (already) {
    return { message: `This approval was already ${already[1]!.toLowerCase()}: your decision was not recorded.`, problems: [], closed: true };
  }
  if (/was cancelled/i.test(raw)) {
    return { message: "The run was cancelled, so this approval can no longer be decided.", problems: [], closed: true };
  }
  const finished = /already (completed|failed)/i.exec(raw);
  if (finished) {
    return { message: `The run has already ${finished[1]!.toLowerCase()}: there is nothing left to decide.`, problems: [], closed: true };
  }
  if (/does not match the form/i.test(raw)) {
    const problems = details.map((d) => (typeof d.message === "string" ? d.message : "")).filter(Boolean);
    return { message: "The edited data doesn’t match the form. Fix it and approve again.", problems, closed: false };
  }
  if (code === "TOO_MANY_REQUESTS" || code === "UNAUTHORIZED" || code === "FORBIDDEN" || code === "NOT_FOUND") {
    return { message: raw || "This approval can’t be decided from here.", problems: [], closed: code !== "TOO_MANY_REQUESTS" };
  }
  if (!code && (raw === "" || /failed to fetch|networkerror|fetch failed|load failed/i.test(raw))) {
    return { message: "Couldn’t reach the server. Check your connection and try again.", problems: [], closed: false };
  }
  return { message: raw || "The decision could not be recorded. Try again.", problems: [], closed: false };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long something has waited, for "Waiting 5 minutes": coarse on purpose. */
export function waitedFor(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return "less than a minute";
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (ms < HOUR) return plural(Math.floor(ms / MINUTE), "minute");
  if (ms < DAY) return plural(Math.floor(ms / HOUR), "hour");
  return plural(Math.floor(ms / DAY), "day");
}

export type LinkErrorKind = "invalid" | "expired" | "not_found" | "rate_limited" | "unavailable";

/** Why the approval page of a link cannot show its approval (from the approvalLinks.get error). */
export function linkErrorKind(error: unknown): LinkErrorKind {
  const e = (typeof error === "object" && error !== null ? error : {}) as ErrorLike;
  const details = Array.isArray(e.data?.details) ? (e.data.details as { code?: unknown }[]) : [];
  const detail = details.find((d) => typeof d.code === "string")?.code;
  if (detail === "link_invalid") return "invalid";
  if (detail === "link_expired") return "expired";
  if (detail === "approval_not_found") return "not_found";
  const code = e.data?.code;
  if (code === "TOO_MANY_REQUESTS") return "rate_limited";
  if (code === "UNAUTHORIZED" || code === "BAD_REQUEST") return "invalid";
  if (code === "NOT_FOUND") return "not_found";
  return "unavailable";
}

/** Where the run view shows this approval's step with its panel open. */
export function approvalHref(approval: Pick<Approval, "run_id" | "root_run_id" | "step_id">): string {
  // A step inside a subsegment or map lives in a child run: open that run, where the step is.
  return `/runs/${encodeURIComponent(approval.run_id)}?step=${encodeURIComponent(approval.step_id)}`;
}
