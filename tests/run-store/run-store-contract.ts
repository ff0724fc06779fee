// The RunStore contract: what every store (in-memory, Prisma on PGlite, Prisma on PostgreSQL)
// must do, straight from the promises in src/engine/ports.ts. One store serves a whole suite;
// every test makes its own runs.
//
//   describeRunStoreContract("in-memory", async () => ({ store, restart, close }))
import { afterAll, beforeAll, describe } from "vitest";
import { approvalContract } from "./contract-approvals";
import { commitContract } from "./contract-commit";
import { leaseContract } from "./contract-lease";
import { recordsContract } from "./contract-records";
import { wakeContract } from "./contract-wake";
import type { MakeStore, StoreHarness } from "./fixtures";

export type { MakeStore, StoreHarness } from "./fixtures";
export { CONTRACT_SEGMENTS } from "./fixtures";

export function describeRunStoreContract(name: string, makeStore: MakeStore): void {
  describe(`RunStore contract: ${name}`, () => {
    let harness: StoreHarness | undefined;
    const h = (): StoreHarness => {
      if (!harness) throw new Error("store not ready");
      return harness;
    };
    beforeAll(async () => {
      harness = await makeStore();
    });
    afterAll(async () => {
      await harness?.close();
    });

    describe("records", () => recordsContract(h));
    describe("lease", () => leaseContract(h));
    describe("commit", () => commitContract(h));
    describe("approvals", () => approvalContract(h));
    describe("events and wake-ups", () => wakeContract(h));
  });
}
