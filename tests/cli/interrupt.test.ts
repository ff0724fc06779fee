// Ctrl-C while the CLI waits: the first cancels the run (the wait goes on to print it), the
// second gives up waiting.
import { describe, expect, it, vi } from "vitest";
import { Interrupted, interruptCancels } from "../../src/cli/interrupt";

describe("interruptCancels", () => {
  it("first-interrupt aborts the signal and keeps waiting; second-interrupt gives up", async () => {
    const before = process.listenerCount("SIGINT");
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      let seen: AbortSignal | undefined;
      const waiting = interruptCancels((signal) => {
        seen = signal;
        return new Promise<string>(() => {});
      });
      process.emit("SIGINT");
      expect(seen?.aborted).toBe(true);
      expect(String(stderr.mock.calls[0]?.[0])).toContain("cancelling the run");
      process.emit("SIGINT");
      await expect(waiting).rejects.toBeInstanceOf(Interrupted);
      expect(process.listenerCount("SIGINT")).toBe(before);
    } finally {
      stderr.mockRestore();
    }
  });

  it("a wait that ends normally removes its handlers", async () => {
    const before = [process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")];
    await expect(interruptCancels(async () => "done")).resolves.toBe("done");
    expect([process.listenerCount("SIGINT"), process.listenerCount("SIGTERM")]).toEqual(before);
  });
});
