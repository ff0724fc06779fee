"use client";
import { Table, TableContainer, TBody, Th, THead, Tr } from "@/components/ui/table";
import type { RunSummary } from "@/shared/resources/run-resource";
import { RunRow } from "./run-row";

export function RunsTable({ runs }: { runs: RunSummary[] }) {
  return (
    <TableContainer>
      <Table aria-label="Runs">
        <THead>
          <Tr>
            <Th>Run</Th>
            <Th>Segment</Th>
            <Th>Revision</Th>
            <Th>Status</Th>
            <Th>Created</Th>
            <Th className="text-right">Duration</Th>
          </Tr>
        </THead>
        <TBody>
          {runs.map((run) => (
            <RunRow key={run.run_id} run={run} />
          ))}
        </TBody>
      </Table>
    </TableContainer>
  );
}
