// A local HTTP endpoint for http_request steps: counts hits per path; `/hang` never answers the
// first call (the step stays in flight until its worker dies or hands the run back) and answers
// every later call at once.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type SlowEndpoint = { url: string; hits: Map<string, number>; waitForHits(path: string, n: number, timeoutMs?: number): Promise<void>; close(): Promise<void> };

export async function startSlowEndpoint(): Promise<SlowEndpoint> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    if (path.endsWith("/hang") && n === 1) return; // never answered
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ path, hit: n }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hits,
    async waitForHits(path, n, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while ((hits.get(path) ?? 0) < n) {
        if (Date.now() > deadline) throw new Error(`${path} was hit ${hits.get(path) ?? 0} times, not ${n}, within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
