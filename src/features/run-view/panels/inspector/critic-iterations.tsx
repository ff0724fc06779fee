"use client";
/** A critic loop's rounds: verdict, score and the critic's feedback, and how the loop ended. */
import { cx } from "@/components/ui/cx";
import type { StepLiveState } from "../../lib/run-live-state";

const VERDICT = {
  approved: { label: "Approved", className: "bg-emerald-50 text-emerald-700 ring-emerald-600/20" },
  needs_revision: { label: "Needs revision", className: "bg-amber-50 text-amber-800 ring-amber-600/25" },
  rejected: { label: "Rejected", className: "bg-red-50 text-red-700 ring-red-600/20" },
} as const;

const REASON = {
  quality_threshold: "Quality threshold reached",
  rejected: "Rejected by the critic",
  no_improvement: "Stopped: no further improvement",
  max_iterations: "Stopped: iteration limit reached",
} as const;

export function CriticIterations({ iterations, result }: { iterations: StepLiveState["critic_iterations"]; result: StepLiveState["critic_result"] }) {
  return (
    <div className="space-y-2">
      {result ? (
        <p className="text-[13px] text-slate-700">
          {REASON[result.reason]} after {result.iterations === 1 ? "1 iteration" : `${result.iterations} iterations`}, final score{" "}
          <span className="font-medium tabular-nums">{score(result.final_score)}</span>.
        </p>
      ) : null}
      <ol className="space-y-2">
        {iterations.map((it) => (
          <li key={`${it.attempt}-${it.iteration}`} className="rounded-lg border border-slate-200 px-3 py-2">
            <div className="flex items-center gap-2 text-[12px]">
              <span className="font-medium text-slate-800">Iteration {it.iteration}</span>
              <span className={cx("rounded px-1.5 py-px text-[11px] font-medium ring-1 ring-inset", VERDICT[it.verdict].className)}>{VERDICT[it.verdict].label}</span>
              <span className="ml-auto text-slate-500 tabular-nums">score {score(it.score)}</span>
            </div>
            {it.feedback ? <p className="mt-1 text-[12px] leading-snug text-slate-600">{it.feedback}</p> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function score(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
