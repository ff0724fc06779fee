"use client";
import { Table, TableContainer, TBody, Th, THead, Tr } from "@/components/ui/table";
import type { Approval } from "@/shared/resources/run-detail";
import { ApprovalInboxRow } from "./approval-inbox-row";
import type { InboxTab } from "./inbox-model";

export function ApprovalsTable({ approvals, segmentNames, tab }: { approvals: Approval[]; segmentNames: ReadonlyMap<string, string> | undefined; tab: InboxTab }) {
  return (
    <TableContainer>
      <Table aria-label="Approvals">
        <THead>
          <Tr>
            <Th>Approval</Th>
            <Th>Segment</Th>
            <Th>Run</Th>
            {tab === "pending" ? (
              <>
                <Th>Waiting since</Th>
                <Th>Times out</Th>
              </>
            ) : (
              <>
                <Th>Outcome</Th>
                <Th>Decided</Th>
              </>
            )}
            <Th className="text-right">
              <span className="sr-only">Open</span>
            </Th>
          </Tr>
        </THead>
        <TBody>
          {approvals.map((approval) => (
            <ApprovalInboxRow key={approval.approval_id} approval={approval} segmentName={segmentNames?.get(approval.segment_id)} tab={tab} />
          ))}
        </TBody>
      </Table>
    </TableContainer>
  );
}
