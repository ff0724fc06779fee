"use client";
/** What happened to the step in this run: attempts, times, tokens and cost, retries, reuse, skip. */
import { Fact, FactList } from "@/features/editor/components/inspector/inspector-parts";
import { formatAbsoluteTime, formatDuration } from "@/components/ui/format-time";
import type { StepLiveState } from "../../lib/run-live-state";
import { decidedByPhrase, type People } from "@/features/approvals/lib/approval-display";
import { usePeople } from "@/features/approvals/lib/people-context";
import { formatCost } from "../timeline/event-summary";
import { timeOfDay } from "./time-format";
import { useTicker } from "./use-ticker";

export function StepFacts({ state, isLlm }: { state: StepLiveState; isLlm: boolean }) {
  const people = usePeople();
  const running = state.status === "running" || state.status === "waiting";
  // A running step's duration and retry countdown tick every second.
  const now = useTicker(running && (state.started_at !== null || state.retry_at !== null));
  const started = state.started_at ? Date.parse(state.started_at) : null;
  const duration =
    state.duration_ms ??
    (started !== null && state.finished_at ? Date.parse(state.finished_at) - started : started !== null && running ? Math.max(0, now - started) : null);

  return (
    <FactList>
      <Fact label="Attempts">
        <span className="tabular-nums">{state.attempts}</span>
      </Fact>
      {state.reused ? <Fact label="Output">Reused from the earlier run: the step did not execute in this one.</Fact> : null}
      {state.retry_at ? (
        <Fact label="Next attempt">
          <span className="text-amber-700">
            {timeOfDay(state.retry_at)}
            <span className="ml-1.5 text-amber-600/80">{retryCountdown(Date.parse(state.retry_at) - now)}</span>
          </span>
        </Fact>
      ) : null}
      {state.started_at ? (
        <Fact label="Started">
          <time dateTime={state.started_at} title={formatAbsoluteTime(state.started_at)} className="font-mono text-[12px] tabular-nums">
            {timeOfDay(state.started_at)}
          </time>
        </Fact>
      ) : null}
      {duration !== null ? (
        <Fact label={state.status === "waiting" ? "Waiting for" : running ? "Running for" : "Duration"}>
          <span className="tabular-nums">{formatDuration(duration)}</span>
        </Fact>
      ) : null}
      {isLlm || state.tokens.input + state.tokens.output > 0 ? (
        <>
          <Fact label="Tokens">
            <span className="tabular-nums">
              {state.tokens.input.toLocaleString("en")} in · {state.tokens.output.toLocaleString("en")} out
            </span>
          </Fact>
          <Fact label="Cost">
            <span className="tabular-nums">{formatCost(state.cost)}</span>
          </Fact>
        </>
      ) : null}
      {state.skipped_reason ? <Fact label="Skipped">{state.skipped_reason}</Fact> : null}
      {state.approval ? (
        <Fact label="Approval">
          {state.approval.title}
          <span className="ml-1.5 text-slate-500">· {approvalState(state.approval, people)}</span>
        </Fact>
      ) : null}
    </FactList>
  );
}

function retryCountdown(ms: number): string {
  return ms > 500 ? `in ${formatDuration(ms)}` : "now";
}

function approvalState(approval: NonNullable<StepLiveState["approval"]>, people: People): string {
  const by = decidedByPhrase(approval.decided_by, people);
  switch (approval.status) {
    case "pending":
      return "waiting for a decision";
    case "approved":
      return `approved ${by}${approval.edited ? " (edited)" : ""}`;
    case "rejected":
      return `rejected ${by}`;
    case "expired":
      return "timed out";
    case "cancelled":
      return "cancelled with the run";
  }
}
