import type { Approval } from "@/shared/resources/run-detail";

/**
 * An approval as the tRPC client types it: JSON serialisation makes the `unknown` fields
 * (`data`, `result`) optional. They are always sent (null when empty); restore the exact type.
 */
export type WireApproval = Omit<Approval, "data" | "result"> & { data?: unknown; result?: unknown };

export function fromWire(approval: WireApproval): Approval {
  return { ...approval, data: approval.data ?? null, result: approval.result ?? null };
}
