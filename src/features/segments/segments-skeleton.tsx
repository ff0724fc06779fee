import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableContainer, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

/** The table's shape while the list loads, so nothing jumps when it arrives. */
export function SegmentsSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading segments">
      <TableContainer>
        <Table>
          <THead>
            <Tr>
              <Th>Name</Th>
              <Th className="hidden lg:table-cell">Description</Th>
              <Th className="hidden text-right md:table-cell">Steps</Th>
              <Th className="hidden sm:table-cell">Revision</Th>
              <Th className="hidden text-right md:table-cell">Runs</Th>
              <Th>Updated</Th>
              <Th className="w-12" />
            </Tr>
          </THead>
          <TBody>
            {Array.from({ length: rows }, (_, i) => (
              <Tr key={i}>
                <Td>
                  <Skeleton className="h-4 w-40" />
                  <Skeleton className="mt-1.5 h-3 w-24" />
                </Td>
                <Td className="hidden lg:table-cell">
                  <Skeleton className="h-4 w-64" />
                </Td>
                <Td className="hidden md:table-cell">
                  <Skeleton className="ml-auto h-4 w-5" />
                </Td>
                <Td className="hidden sm:table-cell">
                  <Skeleton className="h-5 w-14 rounded-full" />
                </Td>
                <Td className="hidden md:table-cell">
                  <Skeleton className="ml-auto h-4 w-5" />
                </Td>
                <Td>
                  <Skeleton className="h-4 w-20" />
                </Td>
                <Td />
              </Tr>
            ))}
          </TBody>
        </Table>
      </TableContainer>
    </div>
  );
}
