// The webhook trigger (POST /api/v1/hooks/{segment_id}/{token}) through its Next route handler,
// with the token service the editor uses: disabled, wrong and rotated tokens are 404; the body
// becomes the run input; ?wait returns the output; a turned-off trigger refuses calls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disableSegmentWebhook, getSegmentWebhook, setSegmentWebhookToken } from "../../src/server/services/webhooks/segment-webhook";
import type { RunDetail } from "../../src/shared/resources/run-detail";
import type { SegmentInput } from "../../src/shared/segment";
import { expectError, startRestHarness, type RestHarness } from "./support";

type HookReply = { run_id: string; status: RunDetail["status"]; output: unknown; error: unknown };

const PUBLIC_URL = "https://llmteam.example";
let api: RestHarness;
beforeAll(async () => {
  api = await startRestHarness();
  const doc: SegmentInput = {
    segment_id: "hooked",
    name: "Hooked",
    entrypoint: "greet",
    input_schema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
    steps: [{ step_id: "greet", type: "transform", config: { expression: '{ "message": "Hello, " & input.name }' } }],
    edges: [],
  };
  expect((await api.call("POST", "/api/v1/segments", { body: doc })).status).toBe(201);
});
afterAll(async () => api?.stop());

const ref = { segment_id: "hooked", publicUrl: PUBLIC_URL };
/** The path of a hook URL (the harness calls routes by path). */
const pathOf = (url: string) => new URL(url).pathname;
const call = (path: string, body?: unknown) => api.call<HookReply>("POST", path, body === undefined ? {} : { body });

describe("webhook trigger", () => {
  it("is off until enabled: its URL is then under LLMTEAM_PUBLIC_URL with an unguessable token", async () => {
    const off = await getSegmentWebhook(api.services, ref);
    expect(off).toMatchObject({ enabled: false, url: null });
    expectError(await call("/api/v1/hooks/hooked/anything", { name: "Ada" }), 404, "not_found");

    const on = await setSegmentWebhookToken(api.services, ref);
    expect(on.enabled).toBe(true);
    expect(on.url).toMatch(/^https:\/\/llmteam\.example\/api\/v1\/hooks\/hooked\/[A-Za-z0-9_-]{43}$/);
  });

  it("starts a run with the body as input (202), or with ?wait= answers the output (200)", async () => {
    const { url } = await getSegmentWebhook(api.services, ref);
    const started = await call(pathOf(url!), { name: "Ada" });
    expect(started.status).toBe(202);
    expect(started.headers.get("location")).toBe(`/api/v1/runs/${started.body.run_id}`);
    const run = await api.call<RunDetail>("GET", `/api/v1/runs/${started.body.run_id}`);
    expect(run.body.input).toEqual({ name: "Ada" });

    const waited = await call(`${pathOf(url!)}?wait=10`, { name: "Grace" });
    expect(waited.status).toBe(200);
    expect(waited.body).toMatchObject({ status: "completed", output: { message: "Hello, Grace" }, error: null });
  });

  it("a wrong token, another segment's name, bad input and a bad wait are refused", async () => {
    const { url } = await getSegmentWebhook(api.services, ref);
    const token = url!.split("/").at(-1)!;
    expectError(await call(`/api/v1/hooks/hooked/${token.slice(0, -1)}x`, { name: "Ada" }), 404, "not_found");
    expectError(await call(`/api/v1/hooks/no-such-segment/${token}`, { name: "Ada" }), 404, "not_found");
    expectError(await call(pathOf(url!), { nom: "Ada" }), 422, "invalid_data");
    expectError(await call(`${pathOf(url!)}?wait=600`, { name: "Ada" }), 422, "invalid_input");
    const malformed = await api.call("POST", pathOf(url!), { rawBody: "{", headers: { "content-type": "application/json" } });
    expectError(malformed, 400, "malformed_json");
  });

  it("rotating the token stops the old URL at once; turning it off refuses every call", async () => {
    const before = await getSegmentWebhook(api.services, ref);
    const after = await setSegmentWebhookToken(api.services, ref);
    expect(after.url).not.toBe(before.url);
    expectError(await call(pathOf(before.url!), { name: "Ada" }), 404, "not_found");
    expect((await call(pathOf(after.url!), { name: "Ada" })).status).toBe(202);

    await disableSegmentWebhook(api.services, ref);
    expectError(await call(pathOf(after.url!), { name: "Ada" }), 404, "not_found");
  });
});
