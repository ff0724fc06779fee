/**
 * How one run event reads in the timeline and the step inspector: a one-line summary, a tone
 * for its chip, and its time relative to the start of the run. Pure.
 */
import { decidedByPhrase, type People } from "@/features/approvals/lib/approval-display";
import { formatDuration } from "@/components/ui/format-time";
import type { RunEvent, RunEventType } from "@/shared/events/schema";

export type EventTone = "blue" | "green" | "red" | "amber" | "gray" | "slate" | "indigo" | "violet";

const TONES: Record<RunEventType, EventTone> = {
  "segment.started": "blue",
  "segment.completed": "green",
  "segment.failed": "red",
  "segment.cancelled": "gray",
  "segment.paused": "slate",
  "segment.resumed": "slate",
  "step.started": "blue",
  "step.completed": "green",
  "step.failed": "red",
  "step.retrying": "amber",
  "step.skipped": "gray",
  "step.waiting": "amber",
  "step.cancelled": "gray",
  "human.decided": "indigo",
  "critic_loop.iteration": "violet",
  "critic_loop.completed": "violet",
};

export function eventTone(type: RunEventType): EventTone {
  return TONES[type];
}

const LABELS: Record<RunEventType, string> = {
  "segment.started": "Run started",
  "segment.completed": "Run completed",
  "segment.failed": "Run failed",
  "segment.cancelled": "Run cancelled",
  "segment.paused": "Run paused",
  "segment.resumed": "Run resumed",
  "step.started": "Started",
  "step.completed": "Completed",
  "step.failed": "Failed",
  "step.retrying": "Retrying",
  "step.skipped": "Skipped",
  "step.waiting": "Waiting",
  "step.cancelled": "Cancelled",
  "human.decided": "Decided",
  "critic_loop.iteration": "Critic iteration",
  "critic_loop.completed": "Critic done",
};

/** A short human name of an event type for filter chips ("Completed", "Run failed"). */
export function eventTypeLabel(type: RunEventType): string {
  return LABELS[type];
}

const CRITIC_REASONS = {
  quality_threshold: "quality threshold reached",
  rejected: "rejected by the critic",
  no_improvement: "no further improvement",
  max_iterations: "iteration limit reached",
} as const;

/** One line saying what happened, e.g. "completed in 1.2s", "retrying in 2.0s (attempt 2)". */
export function summarizeEvent(event: RunEvent, people?: People): string {
  switch (event.type) {
    case "segment.started": {
      const p = event.payload;
      return p.parent_run_id ? `child run started (revision ${p.revision})` : `run started (revision ${p.revision})`;
    }
    case "segment.completed": {
      const p = event.payload;
      return join(`run completed in ${formatDuration(p.duration_ms)}`, tokenText(p.tokens), costText(p.cost));
    }
    case "segment.failed": {
      const { error } = event.payload;
      return `run failed: ${errorText(error.code, error.message)}`;
    }
    case "segment.cancelled":
      return event.payload.reason ? `run cancelled: ${event.payload.reason}` : "run cancelled";
    case "segment.paused":
      return "run paused";
    case "segment.resumed":
      return "run resumed";
    case "step.started":
      return event.payload.attempt > 1 ? `started (attempt ${event.payload.attempt})` : "started";
    case "step.completed": {
      const p = event.payload;
      if (p.reused) return "reused the output of an earlier run";
      return join(`completed in ${formatDuration(p.duration_ms)}`, tokenText(p.tokens), costText(p.cost));
    }
    case "step.failed": {
      const p = event.payload;
      return `${p.continued ? "failed, run continues" : "failed"}: ${errorText(p.error.code, p.error.message)}`;
    }
    case "step.retrying": {
      const p = event.payload;
      return `retrying in ${formatDuration(p.delay_ms)} (attempt ${p.next_attempt}) after ${p.error.code}`;
    }
    case "step.skipped":
      return `skipped: ${event.payload.reason}`;
    case "step.waiting": {
      const title = event.payload.approval.title.trim();
      return title ? `waiting for approval: ${title}` : "waiting for approval";
    }
    case "step.cancelled":
      return "cancelled";
    case "human.decided": {
      const p = event.payload;
      if (p.status === "expired" || p.decided_by === "system:timeout") {
        return p.decision ? `timed out, ${p.decision} by default` : "timed out without a decision";
      }
      const by = decidedByPhrase(p.decided_by, people);
      const verb = p.decision === "rejected" ? "rejected" : "approved";
      const edited = p.edited && verb === "approved" ? " (edited)" : "";
      const comment = p.comment?.trim() ? `: “${oneLine(p.comment.trim())}”` : "";
      return `${verb} ${by}${edited}${comment}`;
    }
    case "critic_loop.iteration": {
      const p = event.payload;
      return `iteration ${p.iteration}: ${p.verdict.replace(/_/g, " ")} (score ${formatScore(p.score)})`;
    }
    case "critic_loop.completed": {
      const p = event.payload;
      const n = p.iterations === 1 ? "1 iteration" : `${p.iterations} iterations`;
      return `finished after ${n}: ${CRITIC_REASONS[p.reason]} (score ${formatScore(p.final_score)})`;
    }
  }
}

/** The attempt an event belongs to, when it has one. */
export function eventAttempt(event: RunEvent): number | null {
  const payload = event.payload as { attempt?: unknown };
  return typeof payload.attempt === "number" && payload.attempt > 0 ? payload.attempt : null;
}

/** Milliseconds since the start of the run: the time of its first event. */
export function runStartTime(events: readonly RunEvent[]): number | null {
  const first = events[0];
  if (!first) return null;
  const time = Date.parse(first.ts);
  return Number.isNaN(time) ? null : time;
}

/** "+1.234s", "+59.010s", "+2m 03.400s", "+1h 02m 03s"; "" without a start. */
export function formatOffset(ms: number): string {
  if (!Number.isFinite(ms)) return "";
  const sign = ms < 0 ? "-" : "+";
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(3)}s`;
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  if (abs < 3_600_000) {
    const minutes = Math.floor(abs / 60_000);
    const seconds = (abs % 60_000) / 1000;
    return `${sign}${minutes}m ${seconds.toFixed(3).padStart(6, "0")}s`;
  }
  const hours = Math.floor(abs / 3_600_000);
  return `${sign}${hours}h ${pad(Math.floor((abs % 3_600_000) / 60_000))}m ${pad(Math.floor((abs % 60_000) / 1000))}s`;
}

function errorText(code: string, message: string): string {
  const text = oneLine(message);
  if (!text || text === code) return code;
  return `${code} (${text})`;
}

function tokenText(tokens: { input: number; output: number }): string {
  const total = tokens.input + tokens.output;
  return total > 0 ? `${total.toLocaleString("en")} tokens` : "";
}

function costText(cost: number): string {
  return cost > 0 ? formatCost(cost) : "";
}

/** "$0.0412" under a dollar (LLM calls cost fractions of a cent), "$1.25" from a dollar on. */
export function formatCost(cost: number): string {
  if (cost === 0) return "$0";
  if (cost < 0.0001) return "<$0.0001";
  if (cost < 1) return `$${cost.toFixed(4).replace(/(\.\d\d\d*?)0+$/, "$1")}`;
  return `$${cost.toFixed(2)}`;
}

function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(2);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join(" · ");
}
