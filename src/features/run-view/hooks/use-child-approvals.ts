"use client";
/**
 * Approvals waiting in child runs (subsegment/map steps), shown on the parent's node: the
 * pending approvals of the run tree (`approvals.list({root_run_id})`), each traced up its
 * parent runs to the step of this run that started its branch. Child runs' events are not
 * followed live, so the list is polled while the run is active.
 */
import { useQueries, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { RunStatus } from "@/shared/resources/run-resource";
import type { Approval } from "@/shared/resources/run-detail";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { asApproval, type RunFacts } from "../lib/api-types";

const POLL_MS = 3_000;
/** Deeper nesting than this is not traced (and would be a very unusual segment). */
const MAX_DEPTH = 8;

export const CHILD_RUN_STEP_TYPES: ReadonlySet<string> = new Set(["subsegment", "map"]);

export type ChildApprovals = {
  /** Pending approvals of descendant runs, by the step of this run they belong under. */
  byStep: ReadonlyMap<string, readonly Approval[]>;
  stepIds: ReadonlySet<string>;
};

const NONE: ChildApprovals = { byStep: new Map(), stepIds: new Set() };

export function useChildApprovals(run: RunFacts, hasChildSteps: boolean, active: boolean): ChildApprovals {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const list = useQuery({
    ...trpc.approvals.list.queryOptions({ root_run_id: run.root_run_id, status: "pending" }),
    enabled: hasChildSteps,
    refetchInterval: hasChildSteps && active ? POLL_MS : false,
  });
  const foreign = useMemo(() => (list.data ?? []).filter((a) => a.run_id !== run.run_id).map(asApproval), [list.data, run.run_id]);
  const runIds = useMemo(() => [...new Set(foreign.map((a) => a.run_id))], [foreign]);
  const owners = useQueries({
    queries: runIds.map((childRunId) => ({
      queryKey: ["run-view", "owner-step", run.run_id, childRunId] as const,
      staleTime: Infinity,
      /** The step of `run` whose child run (or a descendant of it) is `childRunId`; null: not under it. */
      queryFn: async (): Promise<string | null> => {
        let current = childRunId;
        for (let depth = 0; depth < MAX_DEPTH; depth++) {
          const detail = await client.runs.get.query({ run_id: current });
          if (!detail.parent_run_id) return null;
          if (detail.parent_run_id === run.run_id) return detail.parent_step_id;
          current = detail.parent_run_id;
        }
        return null;
      },
    })),
  });
  const ownerKey = owners.map((o) => o.data ?? "").join("|");
  return useMemo(() => {
    if (foreign.length === 0) return NONE;
    const ownerOf = new Map(runIds.map((id, i) => [id, owners[i]?.data ?? null]));
    const byStep = new Map<string, Approval[]>();
    for (const approval of foreign) {
      const stepId = ownerOf.get(approval.run_id);
      if (!stepId) continue;
      byStep.set(stepId, [...(byStep.get(stepId) ?? []), approval]);
    }
    return { byStep, stepIds: new Set(byStep.keys()) };
    // ownerKey stands for the owners' data (useQueries returns a new array each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [foreign, runIds, ownerKey]);
}

type ChildRunSummary = { run_id: string; status: RunStatus; created_at: string };

/**
 * Child runs started by a subsegment/map step. The API cannot list runs by parent, so this
 * lists the runs of the child segment and keeps those of this run tree (root_run_id); a run
 * tree calling the same segment from several steps shows them under each of those steps.
 */
export function useChildRuns(
  run: RunFacts,
  childSegmentId: string | null,
  options: { enabled: boolean; poll: boolean },
): { runs: ChildRunSummary[]; loading: boolean } {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.runs.list.queryOptions({ segment_id: childSegmentId ?? "", limit: 200 }),
    enabled: options.enabled && childSegmentId !== null,
    refetchInterval: options.poll ? POLL_MS : false,
  });
  const runs = useMemo(
    () =>
      (query.data?.items ?? [])
        .filter((r) => r.root_run_id === run.root_run_id && r.run_id !== run.run_id)
        .map((r) => ({ run_id: r.run_id, status: r.status, created_at: r.created_at }))
        .sort((a, b) => a.created_at.localeCompare(b.created_at)),
    [query.data, run.root_run_id, run.run_id],
  );
  return { runs, loading: query.isLoading };
}
