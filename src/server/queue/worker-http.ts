// The worker's own small HTTP server (LLMTEAM_WORKER_METRICS_PORT): /metrics for Prometheus
// (each worker is scraped on its own, so step counters are not lost in the web process) and
// /healthz for container health checks (200 when PostgreSQL and Redis answer, 503 naming what
// does not). With LLMTEAM_METRICS_TOKEN set, /metrics asks for it as a Bearer token.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isMetricsToken } from "../metrics/metrics-token";
import { getMetrics } from "../metrics/registry";

export type WorkerHealth = () => Promise<{ ok: boolean; problems: string[] }>;

export async function startWorkerHttp(options: { port: number; host: string; metricsToken: string | undefined; health: WorkerHealth }): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const answer = (status: number, type: string, body: string) => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return answer(405, "text/plain", "method not allowed\n");
    if (path === "/healthz") {
      options.health().then(
        (health) => answer(health.ok ? 200 : 503, "application/json", `${JSON.stringify({ status: health.ok ? "ok" : "error", problems: health.problems })}\n`),
        (err: unknown) => answer(503, "application/json", `${JSON.stringify({ status: "error", problems: [String(err)] })}\n`),
      );
      return;
    }
    if (path === "/metrics") {
      if (options.metricsToken && !isMetricsToken(req.headers.authorization, options.metricsToken)) {
        res.setHeader("www-authenticate", 'Bearer realm="metrics"');
        return answer(401, "text/plain", "unauthorized: send Authorization: Bearer <LLMTEAM_METRICS_TOKEN>\n");
      }
      const { registry } = getMetrics();
      registry.metrics().then(
        (text) => answer(200, registry.contentType, text),
        () => answer(500, "text/plain", "metrics unavailable\n"),
      );
      return;
    }
    answer(404, "text/plain", "not found: this is an LLMTeam worker (GET /metrics, /healthz)\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
