"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ArrowUpRightIcon, PencilIcon, TrashIcon } from "@/components/ui/icons";
import { Menu } from "@/components/ui/menu";
import { RelativeTime } from "@/components/ui/relative-time";
import { Td, Tr } from "@/components/ui/table";
import type { SegmentSummary } from "@/shared/resources/segment-resource";
import { segmentHref } from "./lib/segment-href";

type SegmentRowProps = {
  segment: SegmentSummary;
  onRename: (segment: SegmentSummary) => void;
  onDelete: (segment: SegmentSummary) => void;
};

export function SegmentRow({ segment, onRename, onDelete }: SegmentRowProps) {
  const href = segmentHref(segment.segment_id);
  return (
    <Tr className="group hover:bg-slate-50/80">
      <Td className="max-w-72">
        <Link
          href={href}
          className="block truncate font-medium text-slate-900 hover:text-indigo-600 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          title={segment.name}
        >
          {segment.name}
        </Link>
        <p className="truncate font-mono text-xs text-slate-500">{segment.segment_id}</p>
      </Td>
      <Td className="hidden max-w-80 lg:table-cell">
        {segment.description ? (
          <p className="truncate text-slate-600" title={segment.description}>
            {segment.description}
          </p>
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </Td>
      <Td className="hidden text-right tabular-nums md:table-cell">{segment.step_count}</Td>
      <Td className="hidden sm:table-cell">
        {segment.latest_revision > 0 ? (
          <Badge tone="indigo" title={`Latest saved revision: ${segment.latest_revision}`}>
            rev {segment.latest_revision}
          </Badge>
        ) : (
          <Badge tone="gray" title="Never saved as a revision: only the draft exists">
            draft only
          </Badge>
        )}
      </Td>
      <Td className="hidden text-right tabular-nums md:table-cell">
        <span className={segment.run_count === 0 ? "text-slate-400" : undefined}>{segment.run_count}</span>
      </Td>
      <Td className="whitespace-nowrap text-slate-600">
        <RelativeTime value={segment.updated_at} />
      </Td>
      <Td className="w-12 py-2 pr-3 text-right">
        <Menu
          label={`Actions for ${segment.name}`}
          items={[
            { label: "Open", href, icon: <ArrowUpRightIcon /> },
            { label: "Rename…", onSelect: () => onRename(segment), icon: <PencilIcon /> },
            { label: "Delete…", onSelect: () => onDelete(segment), icon: <TrashIcon />, tone: "danger" },
          ]}
        />
      </Td>
    </Tr>
  );
}
