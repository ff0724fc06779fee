// GET /metrics (Prometheus text) after real runs through the REST routes on the embedded
// database: run/step counters and histograms with bounded labels, the pending-approvals and
// running gauges read from the database (so right after a restart), token counters, HTTP route
// patterns, and access: open with auth off, 401 without a credential with auth on, 200 with
// LLMTEAM_METRICS_TOKEN.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/server/config/env";
import { observeHttpRequest, routeLabeler } from "../../src/server/metrics/http-metrics";
import { serveMetrics } from "../../src/server/metrics/metrics-endpoint";
import { getMetrics } from "../../src/server/metrics/registry";
import { restRoutes } from "../../src/server/rest/routes";
import { createEngineRuntime } from "../../src/server/runtime/engine-runtime";
import type { Approval, RunDetail } from "../../src/shared/resources/run-detail";
import type { SegmentInput } from "../../src/shared/segment";
import { eventually, startRestHarness, type RestHarness } from "../rest/support";

let api: RestHarness;
beforeAll(async () => {
  api = await startRestHarness();
  for (const doc of [greeting(), review(), broken(), agent()]) {
    expect((await api.call("POST", "/api/v1/segments", { body: doc })).status).toBe(201);
  }
});
afterAll(async () => api?.stop());

function greeting(): SegmentInput {
  return {
    segment_id: "m-greeting",
    name: "Greeting",
    entrypoint: "greet",
    steps: [
      { step_id: "greet", type: "transform", config: { expression: '{ "message": "Hello, " & input.name }' } },
      { step_id: "shout", type: "transform", config: { expression: '{ "message": $uppercase(step_input.message) }' } },
    ],
    edges: [{ from_step: "greet", to_step: "shout" }],
  };
}

function review(): SegmentInput {
  return {
    segment_id: "m-review",
    name: "Review",
    entrypoint: "check",
    steps: [{ step_id: "check", type: "human_approval", config: { title: "Approve" } }],
    edges: [],
  };
}

/** One LLM call through the built-in mock, which reports word counts as tokens. */
function agent(): SegmentInput {
  return {
    segment_id: "m-agent",
    name: "Agent",
    entrypoint: "ask",
    steps: [
      {
        step_id: "ask",
        type: "llm_agent",
        config: { llm_ref: "mock", system_prompt: "Be brief.", user_prompt_template: "Say hello", mock_responses: ["Hello there, friend"] },
      },
    ],
    edges: [],
  };
}

/** Fails at its only step (an expression error). */
function broken(): SegmentInput {
  return {
    segment_id: "m-broken",
    name: "Broken",
    entrypoint: "boom",
    steps: [{ step_id: "boom", type: "transform", config: { expression: "$error('boom')" } }],
    edges: [],
  };
}

async function scrape(config = api.app.config): Promise<string> {
  const res = await serveMetrics({ method: "GET", headers: new Headers() }, config);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  return res.text();
}

/** The value of one sample (`name{labels} value`); 0 when the series does not exist yet. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return 0;
}

async function startAndFinish(segmentId: string, input: unknown, statuses: RunDetail["status"][]): Promise<RunDetail> {
  const reply = await api.call<{ run_id: string }>("POST", `/api/v1/segments/${segmentId}/runs`, { body: { input_data: input } });
  expect(reply.status).toBe(202);
  return eventually(`run of ${segmentId}`, async () => {
    const run = (await api.call<RunDetail>("GET", `/api/v1/runs/${reply.body.run_id}`)).body;
    return statuses.includes(run.status) ? run : undefined;
  });
}

describe("GET /metrics", () => {
  it("after a run: started/completed/steps counters and duration histograms, with bounded labels only", async () => {
    const before = await scrape();
    await startAndFinish("m-greeting", { name: "Ada" }, ["completed"]);
    // The completion event is published after commit: wait for the counter rather than race it.
    const after = await eventually("the completed counter", async () => {
      const text = await scrape();
      return sample(text, "llmteam_segments_completed_total", { status: "completed" }) > sample(before, "llmteam_segments_completed_total", { status: "completed" })
        ? text
        : undefined;
    });
    const delta = (name: string, labels: Record<string, string> = {}) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta("llmteam_segments_started_total")).toBe(1);
    expect(delta("llmteam_segments_completed_total", { status: "completed" })).toBe(1);
    expect(delta("llmteam_steps_executed_total", { step_type: "transform", status: "completed" })).toBe(2);
    expect(delta("llmteam_segment_duration_seconds_count", { status: "completed" })).toBe(1);
    expect(delta("llmteam_step_duration_seconds_count", { step_type: "transform" })).toBe(2);
    expect(sample(after, "llmteam_step_duration_seconds_bucket", { step_type: "transform", le: "+Inf" })).toBeGreaterThanOrEqual(2);
    expect(after).toMatch(/^# TYPE llmteam_segment_duration_seconds histogram$/m);
    expect(after).toMatch(/^# TYPE llmteam_running_segments gauge$/m);
    expect(sample(after, "llmteam_running_segments")).toBe(0);
    // Token counters exist from the start (the mock LLM is not used here: no change).
    expect(after).toMatch(/^llmteam_llm_tokens_total\{direction="input"\} \d+/m);
    expect(after).toMatch(/^llmteam_llm_tokens_total\{direction="output"\} \d+/m);
    // Default process metrics.
    expect(after).toMatch(/^process_cpu_seconds_total /m);
    expect(after).toMatch(/^nodejs_heap_size_used_bytes /m);
    // Unbounded labels never appear.
    const ours = after.split("\n").filter((l) => l.startsWith("llmteam_"));
    expect(ours.some((l) => /segment_id=|run_id=|tenant_id=/.test(l))).toBe(false);
  });

  it("LLM tokens of a finished run are counted by direction, once", async () => {
    const before = await scrape();
    const run = await startAndFinish("m-agent", {}, ["completed"]);
    expect(run.tokens.output).toBeGreaterThan(0);
    const after = await eventually("the token counter", async () => {
      const text = await scrape();
      return sample(text, "llmteam_llm_tokens_total", { direction: "output" }) > sample(before, "llmteam_llm_tokens_total", { direction: "output" }) ? text : undefined;
    });
    const delta = (direction: string) => sample(after, "llmteam_llm_tokens_total", { direction }) - sample(before, "llmteam_llm_tokens_total", { direction });
    expect(delta("input")).toBe(run.tokens.input);
    expect(delta("output")).toBe(run.tokens.output);
    expect(sample(after, "llmteam_steps_executed_total", { step_type: "llm_agent", status: "completed" })).toBeGreaterThanOrEqual(1);
  });

  it("a failed run counts as failed, with its failed step", async () => {
    const before = await scrape();
    await startAndFinish("m-broken", {}, ["failed"]);
    const after = await eventually("the failed counter", async () => {
      const text = await scrape();
      return sample(text, "llmteam_segments_completed_total", { status: "failed" }) > sample(before, "llmteam_segments_completed_total", { status: "failed" })
        ? text
        : undefined;
    });
    expect(sample(after, "llmteam_steps_executed_total", { step_type: "transform", status: "failed" })).toBeGreaterThan(
      sample(before, "llmteam_steps_executed_total", { step_type: "transform", status: "failed" }),
    );
    expect(sample(after, "llmteam_segment_duration_seconds_count", { status: "failed" })).toBe(
      sample(before, "llmteam_segment_duration_seconds_count", { status: "failed" }) + 1,
    );
  });

  it("pending approvals gauge goes up while a person is asked and down once decided; it reads the database (right after a restart)", async () => {
    expect(sample(await scrape(), "llmteam_pending_approvals")).toBe(0);
    const reply = await api.call<{ run_id: string }>("POST", "/api/v1/segments/m-review/runs", { body: { input_data: {} } });
    const approval = await eventually("the approval", async () => {
      const list = await api.call<Approval[]>("GET", `/api/v1/approvals?run_id=${reply.body.run_id}&status=pending`);
      return list.body[0];
    });
    expect(sample(await scrape(), "llmteam_pending_approvals")).toBe(1);
    expect(sample(await scrape(), "llmteam_running_segments")).toBe(0); // waiting is not running

    // A process that just started (a new runtime over the same database) reports the same.
    const restarted = createEngineRuntime(api.app.db);
    try {
      expect(sample(await scrape(), "llmteam_pending_approvals")).toBe(1);
    } finally {
      await restarted.stop();
    }

    const decided = await api.call("POST", `/api/v1/approvals/${approval.approval_id}/decision`, { body: { decision: "approve" } });
    expect(decided.status).toBe(200);
    expect(sample(await scrape(), "llmteam_pending_approvals")).toBe(0);
  });

  it("is open with auth off; with auth on it needs LLMTEAM_METRICS_TOKEN (or an API key): 401 without", async () => {
    const token = "metrics-token-0123456789";
    const on = parseConfig({ LLMTEAM_DATA_DIR: api.app.config.dataDir, LLMTEAM_AUTH: "on", LLMTEAM_METRICS_TOKEN: token });
    const ask = (headers: Record<string, string> = {}) => serveMetrics({ method: "GET", headers: new Headers(headers) }, on);

    const anonymous = await ask();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect((await ask({ authorization: "Bearer wrong-token-0123456789" })).status).toBe(401);
    expect((await ask({ authorization: `Basic ${token}` })).status).toBe(401);

    const allowed = await ask({ authorization: `Bearer ${token}` });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("llmteam_segments_started_total");

    // Auth on without a metrics token: still closed to requests without a credential.
    const noToken = parseConfig({ LLMTEAM_DATA_DIR: api.app.config.dataDir, LLMTEAM_AUTH: "on" });
    expect((await serveMetrics({ method: "GET", headers: new Headers({ authorization: `Bearer ${token}` }) }, noToken)).status).toBe(401);

    expect((await serveMetrics({ method: "GET", headers: new Headers() }, api.app.config)).status).toBe(200);
    expect((await serveMetrics({ method: "POST", headers: new Headers() }, api.app.config)).status).toBe(405);
  });

  it("HTTP metrics label requests by route pattern and status, never by raw path", async () => {
    const routeOf = routeLabeler(restRoutes.map((r) => r.path));
    expect(routeOf("/api/v1/runs/0197a3c2-5f1e-7b2a-9c1d-2e3f4a5b6c7d")).toBe("/api/v1/runs/{id}");
    expect(routeOf("/api/v1/hooks/seg/secret-token-value")).toBe("/api/v1/hooks/{segment_id}/{token}");
    expect(routeOf("/api/v1/segments/abc/runs")).toBe("/api/v1/segments/{id}/runs");
    expect(routeOf("/api/trpc/runs.start,runs.get")).toBe("/api/trpc/{procedure}");
    expect(routeOf("/runs/abc")).toBe("/runs/{runId}");
    expect(routeOf("/_next/static/chunks/x.js")).toBe("/_next/*");
    expect(routeOf("/api/v1/nothing/here")).toBe("/api/*");
    expect(routeOf("/favicon.ico")).toBe("other");

    const metrics = getMetrics();
    observeHttpRequest(metrics, { method: "GET", route: "/api/v1/runs/{id}", status: 404, durationSeconds: 0.02 });
    const text = await scrape();
    expect(sample(text, "llmteam_http_requests_total", { method: "GET", route: "/api/v1/runs/{id}", status_code: "404", status_class: "4xx" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "llmteam_http_request_duration_seconds_count", { method: "GET", route: "/api/v1/runs/{id}", status_class: "4xx" })).toBeGreaterThanOrEqual(1);
  });
});
