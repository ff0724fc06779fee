// GET /metrics: the Prometheus text exposition of the process's registry. With LLMTEAM_AUTH=on
// it needs `Authorization: Bearer <LLMTEAM_METRICS_TOKEN>` or a credential the auth layer
// accepts (an API key; resolvePrincipal decides); the local owner without a credential is not
// enough. With auth off it is open, like the rest of the app.
import { resolvePrincipal } from "../auth/principal";
import type { Config } from "../config/env";
import { AppError } from "../services/errors";
import { isMetricsToken } from "./metrics-token";
import { getMetrics } from "./registry";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function refusal(status: 401 | 403, message: string): Response {
  return Response.json(
    { error: { code: status === 401 ? "unauthorized" : "forbidden", message } },
    { status, headers: { "cache-control": "no-store", ...(status === 401 ? { "www-authenticate": 'Bearer realm="metrics"' } : {}) } },
  );
}

/** Whether the request may read the metrics; a refusal Response when not. */
async function authorize(headers: HeaderBag, config: Pick<Config, "auth" | "metricsToken">): Promise<Response | null> {
  if (config.auth === "off") return null;
  if (config.metricsToken && isMetricsToken(header(headers, "authorization"), config.metricsToken)) return null;
  try {
    const principal = await resolvePrincipal({ headers });
    if (principal.credential) return null;
  } catch (err) {
    if (err instanceof AppError && err.code === "forbidden") return refusal(403, err.message);
    if (!(err instanceof AppError && err.code === "unauthorized")) throw err;
  }
  return refusal(401, "Metrics need `Authorization: Bearer <LLMTEAM_METRICS_TOKEN>` or an API key (LLMTEAM_AUTH=on).");
}

/** The answer to GET /metrics. */
export async function serveMetrics(request: { method: string; headers: HeaderBag }, config: Pick<Config, "auth" | "metricsToken">): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new Response(null, { status: 405, headers: { allow: "GET, HEAD" } });
  }
  const refused = await authorize(request.headers, config);
  if (refused) return refused;
  const registry = getMetrics().registry;
  const body = await registry.metrics();
  return new Response(request.method === "HEAD" ? null : body, {
    status: 200,
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
