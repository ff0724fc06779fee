"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { RelativeTime } from "@/components/ui/relative-time";
import { Td, Tr } from "@/components/ui/table";
import { useNow } from "@/components/ui/use-now";
import type { RunSummary } from "@/shared/resources/run-resource";
import { runDuration, shortRunId } from "./lib/run-display";
import { RunStatusBadge } from "./run-status-badge";

export function RunRow({ run }: { run: RunSummary }) {
  const now = useNow();
  const duration = runDuration(run, now);
  const router = useRouter();
  const runHref = `/runs/${encodeURIComponent(run.run_id)}`;
  return (
    <Tr
      className="cursor-pointer hover:bg-slate-50/80"
      data-testid={`run-row-${run.run_id}`}
      // The whole row opens the run view; links inside it (the segment) keep their own target.
      onClick={(event) => {
        if (!(event.target instanceof Element) || !event.target.closest("a, button")) router.push(runHref);
      }}
    >
      <Td>
        <Link href={runHref} className="font-mono text-[13px] text-slate-800 hover:text-indigo-600" title={`Open run ${run.run_id}`}>
          {shortRunId(run.run_id)}
        </Link>
      </Td>
      <Td className="max-w-72">
        <Link
          href={`/segments/${encodeURIComponent(run.segment_id)}`}
          className="block truncate font-medium text-slate-900 hover:text-indigo-600"
          title={run.segment_name}
        >
          {run.segment_name}
        </Link>
      </Td>
      <Td className="tabular-nums text-slate-600">rev {run.revision}</Td>
      <Td>
        <RunStatusBadge status={run.status} detail={run.error?.message} />
      </Td>
      <Td className="whitespace-nowrap text-slate-600">
        <RelativeTime value={run.created_at} />
      </Td>
      <Td className="text-right whitespace-nowrap tabular-nums text-slate-600">
        {duration ?? <span className="text-slate-400">—</span>}
      </Td>
    </Tr>
  );
}
