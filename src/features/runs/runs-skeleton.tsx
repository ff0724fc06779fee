import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export function RunsSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading runs">
      <TableContainer>
        <Table>
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
            {Array.from({ length: rows }, (_, i) => (
              <Tr key={i}>
                <Td>
                  <Skeleton className="h-4 w-16" />
                </Td>
                <Td>
                  <Skeleton className="h-4 w-36" />
                </Td>
                <Td>
                  <Skeleton className="h-4 w-10" />
                </Td>
                <Td>
                  <Skeleton className="h-5 w-20 rounded-full" />
                </Td>
                <Td>
                  <Skeleton className="h-4 w-20" />
                </Td>
                <Td>
                  <Skeleton className="ml-auto h-4 w-12" />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </TableContainer>
    </div>
  );
}
