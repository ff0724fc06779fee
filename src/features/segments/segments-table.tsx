"use client";
import { Table, TableContainer, TBody, Th, THead, Tr } from "@/components/ui/table";
import type { SegmentSummary } from "@/shared/resources/segment-resource";
import { SegmentRow } from "./segment-row";

type SegmentsTableProps = {
  segments: SegmentSummary[];
  onRename: (segment: SegmentSummary) => void;
  onDelete: (segment: SegmentSummary) => void;
};

export function SegmentsTable({ segments, onRename, onDelete }: SegmentsTableProps) {
  return (
    <TableContainer>
      <Table aria-label="Segments">
        <THead>
          <Tr>
            <Th>Name</Th>
            <Th className="hidden lg:table-cell">Description</Th>
            <Th className="hidden w-20 text-right md:table-cell">Steps</Th>
            <Th className="hidden w-28 sm:table-cell">Revision</Th>
            <Th className="hidden w-20 text-right md:table-cell">Runs</Th>
            <Th className="w-36">Updated</Th>
            <Th className="w-12">
              <span className="sr-only">Actions</span>
            </Th>
          </Tr>
        </THead>
        <TBody>
          {segments.map((segment) => (
            <SegmentRow key={segment.segment_id} segment={segment} onRename={onRename} onDelete={onDelete} />
          ))}
        </TBody>
      </Table>
    </TableContainer>
  );
}
