"use client";
import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { Td, Tr } from "@/components/ui/table";
import { useNow } from "@/components/ui/use-now";
import type { RunSummary } from "@/shared/resources/run-resource";
import { runDuration, shortRunId } from "./lib/run-display";
import { RunStatusBadge } from "./run-status-badge";

export function RunRow({ run }: { run: RunSummary }) {
  const now = useNow();
  const duration = runDuration(run, now);
  return (
    <Tr className="hover:bg-slate-50/80">
      <Td>
        <span className="font-mono text-[13px] text-slate-800" title={run.run_id}>
          {shortRunId(run.run_id)}
        </span>
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
