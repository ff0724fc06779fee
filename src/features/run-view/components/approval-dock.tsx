"use client";
/**
 * Approvals the run waits for, on the canvas: a card in the canvas' top-right corner with the
 * approval panel of the waiting step (this run's own, or one waiting in a child run of a
 * subsegment/map step). Several at once (parallel human steps): pick with ‹ ›; the selected
 * step's approval comes first. Foldable to a pill, never hidden while something waits.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { ApprovalPanel } from "@/features/approvals/components/approval-panel";
import { findStepNode } from "@/features/editor/lib/flow-convert";
import { useEditorStore, useEditorStoreApi } from "@/features/editor/store";
import type { Approval } from "@/shared/resources/run-detail";
import { useTRPCClient } from "@/trpc/client";
import type { ChildApprovals } from "../hooks/use-child-approvals";
import { asApproval } from "../lib/api-types";
import type { RunLive } from "../lib/run-live-state";
import { useRunLiveState } from "../live/run-live-cache";
import { useRunViewStore } from "../store/run-view-store";

type Waiting = { approval: Approval; stepId: string; viaChild: boolean };

function ownPending(state: RunLive): Approval[] {
  const out: Approval[] = [];
  for (const id in state.steps) {
    const approval = state.steps[id]?.approval;
    if (approval?.status === "pending" && state.steps[id]?.status === "waiting") out.push(approval);
  }
  return out;
}

const sameApprovals = (a: Approval[], b: Approval[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function ApprovalDock({
  runId,
  stepNames,
  childApprovals,
}: {
  runId: string;
  stepNames: Readonly<Record<string, string>>;
  childApprovals: ChildApprovals;
}) {
  // Deferred: the commit that completes a decided step usually also asks the next approval, and
  // mounting its panel (data view, form) is the heaviest part of that update. React paints the
  // canvas' new step statuses first and renders the dock's new card right after, interruptibly
  // (issue 5's decision → next step latency).
  const own = useDeferredValue(useRunLiveState(runId, ownPending, sameApprovals));
  const selected = useEditorStore((s) => s.selectedStepId);
  const folded = useRunViewStore((s) => s.approvalsFolded);
  const setFolded = useRunViewStore((s) => s.setApprovalsFolded);
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [picked, setPicked] = useState<string | null>(null);
  const dockRef = useRef<HTMLElement>(null);
  const store = useEditorStoreApi();

  const waiting = useMemo<Waiting[]>(() => {
    const list: Waiting[] = own.map((approval) => ({ approval, stepId: approval.step_id, viaChild: false }));
    for (const [stepId, approvals] of childApprovals.byStep) for (const approval of approvals) list.push({ approval, stepId, viaChild: true });
    return list.filter((w) => !decided.has(w.approval.approval_id));
  }, [own, childApprovals, decided]);

  const index = Math.max(
    0,
    waiting.findIndex((w) => w.approval.approval_id === picked),
  );
  const bySelection = picked === null ? waiting.findIndex((w) => w.stepId === selected) : -1;
  const current = waiting[bySelection >= 0 ? bySelection : index] as Waiting | undefined;
  const shownApprovalId = folded ? null : (current?.approval.approval_id ?? null);
  const shownStepId = current?.stepId;

  // The dock floats over the canvas' top-right corner: when it opens on an approval whose step
  // lies under it, the canvas slides that step out from under the dock (no zoom, no selection).
  useEffect(() => {
    const rect = dockRef.current?.getBoundingClientRect();
    if (shownApprovalId === null || !shownStepId || !rect) return;
    const { setRevealRequest } = store.getState();
    setRevealRequest({ stepId: shownStepId, panel: { width: rect.width, height: rect.height } });
    return () => setRevealRequest(null);
  }, [shownApprovalId, shownStepId, store]);

  if (!current) return null;
  const position = waiting.indexOf(current);

  if (folded) {
    return (
      <button
        type="button"
        onClick={() => setFolded(false)}
        className="absolute top-3 right-3 z-20 flex items-center gap-2 rounded-full bg-amber-500 py-1.5 pr-3 pl-2.5 text-[13px] font-semibold text-white shadow-lg ring-4 ring-amber-200/70 hover:bg-amber-600"
        data-testid="approval-dock-folded"
      >
        <Pulse />
        {waiting.length === 1 ? "1 approval waiting" : `${waiting.length} approvals waiting`}
      </button>
    );
  }

  return (
    <section
      aria-label="Waiting for approval"
      className="absolute top-3 right-3 z-20 flex max-h-[calc(100%-24px)] w-[420px] max-w-[calc(100%-24px)] flex-col overflow-hidden rounded-xl border border-amber-300 bg-white shadow-2xl ring-4 ring-amber-100/80"
      ref={dockRef}
      data-testid="approval-dock"
      data-step-id={current.stepId}
    >
      <DockHeader
        current={current}
        stepName={stepNames[current.stepId] ?? current.stepId}
        position={position}
        count={waiting.length}
        onPick={(i) => setPicked(waiting[i]?.approval.approval_id ?? null)}
        onFold={() => setFolded(true)}
      />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <DockPanel
          key={current.approval.approval_id}
          approval={current.approval}
          viaChild={current.viaChild}
          stepName={stepNames[current.stepId] ?? current.stepId}
          onDecided={(approval) => {
            setDecided((set) => new Set(set).add(approval.approval_id));
            setPicked(null);
          }}
        />
      </div>
    </section>
  );
}

function DockHeader({
  current,
  stepName,
  position,
  count,
  onPick,
  onFold,
}: {
  current: Waiting;
  stepName: string;
  position: number;
  count: number;
  onPick: (index: number) => void;
  onFold: () => void;
}) {
  const store = useEditorStoreApi();
  return (
    <header className="flex shrink-0 items-center gap-2 border-b border-amber-200 bg-amber-50 px-3 py-2">
      <Pulse />
      <div className="min-w-0 flex-1">
        <p className="text-[11px] font-semibold tracking-wide text-amber-800 uppercase">Needs your decision</p>
        <button
          type="button"
          className="block max-w-full truncate text-left text-[13px] font-medium text-slate-900 hover:text-indigo-700 hover:underline"
          onClick={() => store.getState().requestFocus({ kind: "step", id: current.stepId })}
          title="Show this step on the canvas"
        >
          {stepName}
          {current.viaChild ? <span className="font-normal text-slate-500"> · in a child run</span> : null}
        </button>
      </div>
      {count > 1 ? (
        <div className="flex items-center gap-0.5 text-xs text-amber-900 tabular-nums">
          <Button size="sm" variant="ghost" iconOnly aria-label="Previous approval" className="size-7" disabled={position === 0} onClick={() => onPick(position - 1)}>
            ‹
          </Button>
          {position + 1} / {count}
          <Button size="sm" variant="ghost" iconOnly aria-label="Next approval" className="size-7" disabled={position === count - 1} onClick={() => onPick(position + 1)}>
            ›
          </Button>
        </div>
      ) : null}
      <Button size="sm" variant="ghost" iconOnly aria-label="Fold the approval panel" title="Fold" className="size-7 text-amber-800" onClick={onFold}>
        <ChevronDownIcon className="size-4" />
      </Button>
    </header>
  );
}

type DockPanelProps = { approval: Approval; viaChild: boolean; stepName: string; onDecided: (approval: Approval) => void };

function DockPanel({ approval, viaChild, stepName, onDecided }: DockPanelProps) {
  // The step's on_timeout, when the step is on this canvas (not for a child run's step).
  const onTimeout = useEditorStore((s) => {
    const value = viaChild ? undefined : findStepNode(s.nodes, approval.step_id)?.data.step.config.on_timeout;
    return value === "approve" || value === "reject" || value === "fail" ? value : null;
  });
  const client = useTRPCClient();
  const toast = useToast();
  return (
    <ApprovalPanel
      approval={approval}
      variant="inline"
      onTimeout={onTimeout}
      decide={(input) => client.approvals.decide.mutate({ approval_id: approval.approval_id, ...input }).then(asApproval)}
      onDecided={(result) => {
        // No refetch here: the panel shows our decision at once, and the `human.decided` event
        // refreshes the approvals (use-run-live) once the next step has had its moment.
        if (result.decision === "rejected") toast.notice(`Rejected “${stepName}”`);
        else toast.success(`Approved “${stepName}”`);
        onDecided(result);
      }}
    />
  );
}

/** A still dot: the waiting card's ring already breathes, one moving signal is enough (and cheap). */
function Pulse() {
  return <span className="inline-flex size-2.5 shrink-0 rounded-full bg-amber-500 ring-4 ring-amber-200/70" aria-hidden />;
}
