// The in-memory store (src/engine/testing) against the RunStore contract: the reference behaviour.
import { InMemoryRunStore } from "../../src/engine/testing";
import { describeRunStoreContract } from "./run-store-contract";

describeRunStoreContract("in-memory", async () => {
  const store = new InMemoryRunStore();
  return {
    store,
    // nothing to reopen: the "restarted" process sees the same data
    restart: async () => {},
    close: async () => {},
  };
});
