"use client";
/**
 * A card's state in a run (the run view provides a RunOverlay; the editor none, and then this
 * renders nothing): a coloured frame (a light running around it while it runs, an amber pulse
 * while a person must decide), a status chip with the live elapsed time or the duration, and
 * a note hanging under the card: the LLM text streaming in, the error, or tokens and cost.
 * It reads only its own step, so an event re-renders the cards it concerns.
 */
import { useSyncExternalStore } from "react";
import { Spinner } from "@/components/ui/spinner";
import { formatDuration } from "@/components/ui/format-time";
import type { StepStatus } from "@/shared/resources/run-detail";
import { useRunOverlay, type StepRunLook } from "../run-overlay";
import styles from "./run-decoration.module.css";

/**
 * The card's look in the run, or null outside the run view. The overlay never switches
 * between null and a value while the canvas is mounted, so the hook order stays the same.
 */
export function useStepRunLook(stepId: string): StepRunLook | null {
  const overlay = useRunOverlay();
  const look = overlay?.useStepRun(stepId);
  if (!overlay) return null;
  return look ?? PENDING;
}

const PENDING: StepRunLook = {
  status: "pending",
  attempts: 0,
  started_at: null,
  duration_ms: null,
  reused: false,
  token_preview: "",
  retry_at: null,
  error: null,
  tokens: { input: 0, output: 0 },
  cost: 0,
  needs_approval: false,
  skipped_reason: null,
  decision: null,
};

export function StepRunDecoration({ stepId, look }: { stepId: string; look: StepRunLook }) {
  const { status } = look;
  return (
    <>
      <div className={styles.wash} data-status={status} data-decision={look.decision ?? undefined} aria-hidden />
      <div className={styles.frame} data-status={status} data-decision={look.decision ?? undefined} data-attention={look.needs_approval || undefined} aria-hidden />
      <div
        className="pointer-events-none absolute -top-[11px] right-2.5 z-10 flex items-center gap-1"
        data-testid={`step-run-${stepId}`}
        data-status={status}
        data-attempts={look.attempts}
        data-reused={look.reused || undefined}
        data-needs-approval={look.needs_approval || undefined}
        data-decision={look.decision ?? undefined}
      >
        {look.reused && <ReusedChip />}
        {look.needs_approval ? <ApprovalChip /> : <StatusChip look={look} />}
      </div>
      <Callout look={look} />
    </>
  );
}

const CHIP = "flex h-[20px] items-center gap-1 rounded-full px-2 text-[10.5px] leading-none font-semibold whitespace-nowrap shadow-sm ring-2 ring-white";

const CHIP_TONE: Record<StepStatus, string> = {
  pending: "bg-slate-100 text-slate-500",
  running: "bg-blue-600 text-white",
  waiting: "bg-amber-500 text-white",
  completed: "bg-emerald-600 text-white",
  failed: "bg-red-600 text-white",
  skipped: "bg-slate-200 text-slate-600",
  cancelled: "bg-slate-500 text-white",
};

function StatusChip({ look }: { look: StepRunLook }) {
  const { status, attempts } = look;
  if (status === "pending") return null;
  const tries = attempts > 1 ? <span className="font-medium opacity-85">· {attempts} tries</span> : null;
  if (status === "running") {
    if (look.retry_at) return <RetryChip at={look.retry_at} nextAttempt={attempts + 1} />;
    return (
      <span className={`${CHIP} ${CHIP_TONE.running}`} title={attempts > 1 ? `Running, attempt ${attempts}` : "Running"}>
        <Spinner className="[&_svg]:size-3" />
        {look.started_at ? <Elapsed since={look.started_at} /> : "Running"}
        {attempts > 1 ? <span className="font-medium opacity-85">· try {attempts}</span> : null}
      </span>
    );
  }
  if (status === "completed") {
    if (look.reused) return null;
    if (look.decision) return <DecisionChip decision={look.decision} durationMs={look.duration_ms} />;
    return (
      <span className={`${CHIP} ${CHIP_TONE.completed}`} title="Completed">
        <CheckGlyph />
        <span data-lod="detail">{look.duration_ms === null ? "Done" : formatDuration(look.duration_ms)}</span>
        {tries}
      </span>
    );
  }
  if (status === "failed") {
    return (
      <span className={`${CHIP} ${CHIP_TONE.failed}`} title={look.error ?? "Failed"}>
        <CrossGlyph />
        Failed
        {tries}
      </span>
    );
  }
  if (status === "skipped") {
    return (
      <span className={`${CHIP} ${CHIP_TONE.skipped}`} title={look.skipped_reason ? `Skipped: ${look.skipped_reason}` : "Skipped"}>
        Skipped
      </span>
    );
  }
  if (status === "cancelled") {
    return (
      <span className={`${CHIP} ${CHIP_TONE.cancelled}`} title="Cancelled">
        <StopGlyph />
        Cancelled
      </span>
    );
  }
  return (
    <span className={`${CHIP} ${CHIP_TONE.waiting}`} title="Waiting">
      Waiting
    </span>
  );
}

/** A decided human step: approved in green, rejected in rose (the step completes either way). */
function DecisionChip({ decision, durationMs }: { decision: "approved" | "rejected"; durationMs: number | null }) {
  const rejected = decision === "rejected";
  return (
    <span className={`${CHIP} ${rejected ? "bg-rose-600 text-white" : CHIP_TONE.completed}`} title={rejected ? "Rejected by a person" : "Approved by a person"}>
      {rejected ? <CrossGlyph /> : <CheckGlyph />}
      {rejected ? "Rejected" : "Approved"}
      {durationMs === null ? null : (
        <span className="font-medium opacity-85" data-lod="detail">
          · {formatDuration(durationMs)}
        </span>
      )}
    </span>
  );
}

function ApprovalChip() {
  return (
    <span className={`${CHIP} bg-amber-500 text-white`} title="A person must approve or reject this step">
      {/* Still: the card's ring is the moving signal. */}
      <span className="inline-flex size-1.5 rounded-full bg-white" aria-hidden />
      Needs approval
    </span>
  );
}

function ReusedChip() {
  return (
    <span className={`${CHIP} bg-indigo-50 text-indigo-700 ring-indigo-100`} title="Output reused from the earlier run (re-run from a later step)">
      <svg width="10" height="10" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
        <path d="M3 12a9 9 0 0 1 15.5-6.2L21 8M21 3v5h-5" />
      </svg>
      Reused
    </span>
  );
}

function RetryChip({ at, nextAttempt }: { at: string; nextAttempt: number }) {
  const now = useTick();
  const left = Date.parse(at) - now;
  return (
    <span className={`${CHIP} bg-amber-100 text-amber-900 ring-amber-50`} title={`Attempt ${nextAttempt} starts at ${new Date(at).toLocaleTimeString()}`}>
      Retry {nextAttempt} {left > 500 ? `in ${formatDuration(left)}` : "now"}
    </span>
  );
}

function Elapsed({ since }: { since: string }) {
  const now = useTick();
  return <span className="tabular-nums">{formatDuration(Math.max(0, now - Date.parse(since)))}</span>;
}

/** What hangs under the card: the streaming text, the error, or what an LLM step spent. */
function Callout({ look }: { look: StepRunLook }) {
  const box = `${styles.callout} nodrag pointer-events-none absolute top-full right-0 left-0 z-10 mt-1.5 rounded-lg px-2.5 py-1.5 text-[11px] leading-[14px] shadow-sm`;
  if (look.status === "running" && look.token_preview) {
    return (
      <div className={`${box} flex h-[36px] flex-col justify-end overflow-hidden bg-slate-900 font-mono text-slate-100`} data-testid="step-run-preview">
        <p className={`${styles.preview} break-words whitespace-pre-wrap`} data-lod="detail">
          {look.token_preview.slice(-240)}
          <span className={styles.caret} aria-hidden />
        </p>
      </div>
    );
  }
  if ((look.status === "failed" || (look.status === "running" && look.retry_at)) && look.error) {
    const retrying = look.status === "running";
    return (
      <div
        className={`${box} line-clamp-2 border ${retrying ? "border-amber-200 bg-amber-50 text-amber-900" : "border-red-200 bg-red-50 text-red-800"}`}
        title={look.error}
        data-testid="step-run-error"
        data-lod="detail"
      >
        {retrying ? `Attempt ${look.attempts} failed: ` : ""}
        {look.error}
      </div>
    );
  }
  if (look.status === "completed" && (look.tokens.input > 0 || look.tokens.output > 0)) {
    const total = look.tokens.input + look.tokens.output;
    return (
      <div
        className="pointer-events-none absolute top-full left-2.5 z-10 mt-1.5 flex h-[18px] items-center gap-1 rounded-full border border-slate-200 bg-white px-2 text-[10.5px] leading-none text-slate-600 shadow-xs"
        title={`${look.tokens.input.toLocaleString()} input + ${look.tokens.output.toLocaleString()} output tokens`}
        data-lod="detail"
      >
        <span className="font-semibold text-slate-700 tabular-nums">{total.toLocaleString()}</span> tokens
        {look.cost > 0 ? <span className="tabular-nums">· ${formatCost(look.cost)}</span> : null}
      </div>
    );
  }
  return null;
}

function formatCost(cost: number): string {
  if (cost === 0) return "0";
  return cost < 0.01 ? cost.toFixed(4) : cost.toFixed(2);
}

function CheckGlyph() {
  return (
    <svg width="10" height="10" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={3.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M5 12.5l4.5 4.5L19 7.5" />
    </svg>
  );
}

function CrossGlyph() {
  return (
    <svg width="9" height="9" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={3.5} strokeLinecap="round" aria-hidden>
      <path d="M18 6 6 18M6 6l12 12" />
    </svg>
  );
}

function StopGlyph() {
  return (
    <svg width="8" height="8" viewBox="0 0 10 10" aria-hidden>
      <rect x="1" y="1" width="8" height="8" rx="1.5" fill="currentColor" />
    </svg>
  );
}

/** One shared clock for the running cards' elapsed times (a timer per card would not scale). */
const TICK_MS = 200;
const tickListeners = new Set<() => void>();
let tickNow = Date.now();
let tickTimer: ReturnType<typeof setInterval> | undefined;

function subscribeTick(listener: () => void) {
  tickListeners.add(listener);
  if (!tickTimer) {
    tickNow = Date.now();
    tickTimer = setInterval(() => {
      tickNow = Date.now();
      for (const notify of tickListeners) notify();
    }, TICK_MS);
  }
  return () => {
    tickListeners.delete(listener);
    if (tickListeners.size === 0 && tickTimer) {
      clearInterval(tickTimer);
      tickTimer = undefined;
    }
  };
}

/** Fresh for the first render of a card (the clock may have been idle), stable within a tick. */
function readTick() {
  if (!tickTimer && Date.now() - tickNow > TICK_MS) tickNow = Date.now();
  return tickNow;
}

function useTick(): number {
  return useSyncExternalStore(subscribeTick, readTick, readTick);
}
