/**
 * http_request: one HTTP call through the injectable fetch port. url, headers and body are
 * templates. Output `{status, headers, body}` (JSON bodies parsed). A non-2xx status fails with
 * code `http_error` (status + body excerpt; 4xx other than 408/429 are not retried), no answer
 * within `timeout_seconds` with code `timeout`, a network failure with `http_error`.
 */
import { httpRequestConfigSchema } from "../../shared/catalog";
import { StepError } from "../errors";
import { complete, defineHandler } from "./types";

const EXCERPT = 500;

function excerpt(text: string): string {
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json") && text.trim() !== "") {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export const httpRequestHandler = defineHandler({
  type: "http_request",
  config: httpRequestConfigSchema,
  async start(ctx) {
    const { config } = ctx;
    const url = await ctx.render(config.url);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(config.headers ?? {})) headers[name] = await ctx.render(value);
    let body: string | undefined;
    if (config.body !== undefined && config.method !== "GET" && config.method !== "HEAD") {
      const rendered = await ctx.renderDeep(config.body);
      if (typeof rendered === "string") body = rendered;
      else {
        body = JSON.stringify(rendered);
        if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
      }
    }

    const abort = new AbortController();
    const onOuterAbort = () => abort.abort(ctx.signal.reason);
    ctx.signal.addEventListener("abort", onOuterAbort, { once: true });
    let timedOut = false;
    const cancelTimer = ctx.setTimer(config.timeout_seconds * 1000, () => {
      timedOut = true;
      abort.abort(new StepError("timeout", "request timed out"));
    });
    try {
      const response = await ctx.fetch(url, { method: config.method, headers, signal: abort.signal, ...(body === undefined ? {} : { body }) });
      const responseBody = await readBody(response);
      if (!response.ok) {
        const text = typeof responseBody === "string" ? responseBody : JSON.stringify(responseBody);
        const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
        throw new StepError("http_error", `${config.method} ${url} answered ${response.status}: ${excerpt(text)}`, {
          retryable,
          details: { status: response.status, body_excerpt: excerpt(text) },
        });
      }
      return complete({ status: response.status, headers: Object.fromEntries(response.headers.entries()), body: responseBody });
    } catch (error) {
      if (error instanceof StepError) throw error;
      if (timedOut) throw new StepError("timeout", `${config.method} ${url}: no answer within ${config.timeout_seconds}s`);
      if (ctx.signal.aborted) throw ctx.signal.reason instanceof StepError ? ctx.signal.reason : new StepError("cancelled", "aborted");
      const message = error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error);
      throw new StepError("http_error", `${config.method} ${url} failed: ${message}`);
    } finally {
      cancelTimer();
      ctx.signal.removeEventListener("abort", onOuterAbort);
    }
  },
});
