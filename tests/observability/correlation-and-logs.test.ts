// X-Correlation-ID through the run-starting edges (REST start and rerun, the webhook, tRPC
// runs.start): a valid one is stored with the run, carried by every stored event and every log
// line about the run, and echoed; an invalid or missing one is replaced by a generated id.
// Logs never show the Authorization header, cookies or an LLM API key.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as trpcPost } from "../../src/app/api/trpc/[trpc]/route";
import { appRouter } from "../../src/server/api/root";
import { createTrpcContext } from "../../src/server/api/trpc";
import { parseConfig } from "../../src/server/config/env";
import { configSecrets, getLogger } from "../../src/server/logging/logger";
import { isValidCorrelationId } from "../../src/server/observability/correlation";
import { setSegmentWebhookToken } from "../../src/server/services/webhooks/segment-webhook";
import type { RunDetail } from "../../src/shared/resources/run-detail";
import type { SegmentInput } from "../../src/shared/segment";
import { captureLogs, type CapturedLogs } from "../helpers/capture-logs";
import { eventually, startRestHarness, type RestHarness } from "../rest/support";

let api: RestHarness;
let logs: CapturedLogs | undefined;
beforeAll(async () => {
  api = await startRestHarness();
  const doc: SegmentInput = {
    segment_id: "c-greeting",
    name: "Greeting",
    entrypoint: "greet",
    steps: [
      { step_id: "greet", type: "transform", config: { expression: '{ "message": "Hello, " & input.name }' } },
      { step_id: "shout", type: "transform", config: { expression: '{ "message": $uppercase(step_input.message) }' } },
    ],
    edges: [{ from_step: "greet", to_step: "shout" }],
  };
  expect((await api.call("POST", "/api/v1/segments", { body: doc })).status).toBe(201);
});
afterEach(() => {
  logs?.restore();
  logs = undefined;
});
afterAll(async () => api?.stop());

type Started = { run_id: string; status: string };

async function finished(runId: string): Promise<RunDetail> {
  return eventually(`run ${runId}`, async () => {
    const run = (await api.call<RunDetail>("GET", `/api/v1/runs/${runId}`)).body;
    return run.status === "completed" || run.status === "failed" ? run : undefined;
  });
}

const storedEvents = (runId: string) => api.app.db.runStore.listEvents(runId);

describe("X-Correlation-ID", () => {
  it("given on POST runs: echoed, stored with the run, on every stored event and on the run's log lines", async () => {
    logs = captureLogs({ level: "info" });
    const id = "order-4711/retry-2";
    const reply = await api.call<Started>("POST", "/api/v1/segments/c-greeting/runs", {
      body: { input_data: { name: "Ada" } },
      headers: { "x-correlation-id": id },
    });
    expect(reply.status).toBe(202);
    expect(reply.headers.get("x-correlation-id")).toBe(id);
    const run = await finished(reply.body.run_id);
    expect(run.correlation_id).toBe(id);
    const events = await storedEvents(run.run_id);
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.correlation_id === id)).toBe(true);

    const lines = await eventually("the run's completion log line", async () => {
      const mine = logs!.records().filter((r) => r.run_id === run.run_id);
      return mine.some((r) => r.msg === "run completed") ? mine : undefined;
    });
    expect(lines.find((r) => r.msg === "run started")).toMatchObject({ run_id: run.run_id, correlation_id: id, segment_id: "c-greeting" });
    expect(lines.every((r) => r.correlation_id === id)).toBe(true);
  });

  it("missing or invalid (too long, control characters, blank): a generated id, echoed and stored", async () => {
    for (const bad of [undefined, "x".repeat(129), "line\nbreak", "tab\there", "   ", "émoji-✓"]) {
      const headers: Record<string, string> = {};
      if (bad !== undefined) {
        // fetch's Headers refuses some values outright (newlines): those never reach the server either.
        try {
          new Headers({ "x-correlation-id": bad });
          headers["x-correlation-id"] = bad;
        } catch {
          continue;
        }
      }
      const reply = await api.call<Started>("POST", "/api/v1/segments/c-greeting/runs", { body: { input_data: { name: "B" } }, headers });
      expect(reply.status).toBe(202);
      const echoed = reply.headers.get("x-correlation-id");
      expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
      expect(echoed).not.toBe(bad);
      const run = await finished(reply.body.run_id);
      expect(run.correlation_id).toBe(echoed);
    }
    expect(isValidCorrelationId("x".repeat(128))).toBe(true);
    expect(isValidCorrelationId("x".repeat(129))).toBe(false);
  });

  it("errors echo it too, and re-runs carry the re-run request's id", async () => {
    const notFound = await api.call("GET", "/api/v1/runs/nope", { headers: { "x-correlation-id": "lookup-1" } });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("x-correlation-id")).toBe("lookup-1");

    const first = await api.call<Started>("POST", "/api/v1/segments/c-greeting/runs", { body: { input_data: { name: "C" } } });
    await finished(first.body.run_id);
    const whole = await api.call<Started>("POST", `/api/v1/runs/${first.body.run_id}/rerun`, { body: {}, headers: { "x-correlation-id": "rerun-all" } });
    expect(whole.status).toBe(202);
    expect((await finished(whole.body.run_id)).correlation_id).toBe("rerun-all");
    const fromStep = await api.call<Started>("POST", `/api/v1/runs/${first.body.run_id}/rerun`, {
      body: { from_step: "shout" },
      headers: { "x-correlation-id": "rerun-from" },
    });
    expect(fromStep.status).toBe(202);
    const rerun = await finished(fromStep.body.run_id);
    expect(rerun.correlation_id).toBe("rerun-from");
    expect((await storedEvents(rerun.run_id)).every((e) => e.correlation_id === "rerun-from")).toBe(true);
  });

  it("the webhook trigger and tRPC runs.start keep it too", async () => {
    const hook = await setSegmentWebhookToken(api.services, { segment_id: "c-greeting", publicUrl: "https://x.example" });
    const viaHook = await api.call<Started>("POST", new URL(hook.url!).pathname, { body: { name: "D" }, headers: { "x-correlation-id": "hook-42" } });
    expect(viaHook.status).toBe(202);
    expect(viaHook.headers.get("x-correlation-id")).toBe("hook-42");
    expect((await finished(viaHook.body.run_id)).correlation_id).toBe("hook-42");

    const req = new Request("http://test/api/trpc/runs.start", { method: "POST", headers: { "x-correlation-id": "ui-click-7" } });
    const caller = appRouter.createCaller(createTrpcContext({ req }));
    const started = await caller.runs.start({ segment_id: "c-greeting", input: { name: "E" } });
    expect(started.correlation_id).toBe("ui-click-7");
    expect((await storedEvents(started.run_id)).every((e) => e.correlation_id === "ui-click-7")).toBe(true);

    // Over HTTP (the Next route handler the browser calls): echoed on the response.
    const res = await trpcPost(
      new Request("http://test/api/trpc/runs.start", {
        method: "POST",
        headers: { "content-type": "application/json", "x-correlation-id": "ui-click-8" },
        body: JSON.stringify({ segment_id: "c-greeting", input: { name: "F" } }),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("x-correlation-id")).toBe("ui-click-8");
    const body = (await res.json()) as { result: { data: RunDetail } };
    expect(body.result.data.correlation_id).toBe("ui-click-8");
  });
});

describe("logs", () => {
  it("never contain the Authorization header, cookies or an LLM API key, wherever they appear", () => {
    const key = "sk-live-0123456789abcdef";
    const config = parseConfig({
      LLMTEAM_DATA_DIR: api.app.config.dataDir,
      LLMTEAM_LLMS: JSON.stringify({ gpt: { provider: "openai", model: "gpt-4o", api_key_env: "TEST_OPENAI_KEY" } }),
      TEST_OPENAI_KEY: key,
    });
    logs = captureLogs({ secrets: configSecrets(config) });
    const log = getLogger();
    log.error(
      {
        err: new Error(`provider said 401 for key ${key}`),
        req: { method: "POST", headers: { authorization: "Bearer user-api-key-123456", cookie: "session=abcdef123456", "x-api-key": "llmk_999999999" } },
        llm: { apiKey: key, config: { api_key: key } },
        password: "hunter2hunter2",
      },
      "call failed",
    );
    log.info({ headers: { Authorization: "Bearer another-secret-987654" } }, "request");
    const text = logs.lines.join("\n");
    expect(logs.lines).toHaveLength(2);
    for (const secret of [key, "user-api-key-123456", "session=abcdef123456", "llmk_999999999", "hunter2hunter2", "another-secret-987654"]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("[redacted]");
    // The rest of the line survives.
    expect(logs.records()[0]).toMatchObject({ level: "error", msg: "call failed", req: { method: "POST" } });
  });
});
