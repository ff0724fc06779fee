// The REST API against the running production server (the one Playwright spawns): every route
// family over real HTTP, each bad-input class, idempotency, SSE replay with Last-Event-ID, run
// control conflicts, approvals, the webhook trigger. (tests/rest checks the same routes at the
// handler level against the OpenAPI document.)
import { expect, test, type APIRequestContext } from "@playwright/test";
import { failOnPageErrors, uniqueName } from "../segments/support";
import { API_HEADERS, OWNER_STATE } from "../credentials";

// A program calling the API: the key, not the browser session (access control is on).
test.use({ extraHTTPHeaders: API_HEADERS, storageState: { cookies: [], origins: [] } });

type Run = { run_id: string; status: string; output: unknown; error: { code: string } | null };

function segmentDoc(segmentId: string, steps: unknown[], edges: unknown[] = [], extra: Record<string, unknown> = {}) {
  return { segment_id: segmentId, name: segmentId, entrypoint: (steps[0] as { step_id: string }).step_id, steps, edges, ...extra };
}

async function waitFor(request: APIRequestContext, runId: string, statuses: string[]): Promise<Run> {
  let run: Run | undefined;
  await expect(async () => {
    run = (await (await request.get(`/api/v1/runs/${runId}`)).json()) as Run;
    expect(statuses).toContain(run.status);
  }).toPass({ timeout: 20_000 });
  return run!;
}

const idOf = (prefix: string) => uniqueName(prefix).toLowerCase().replace(/[^a-z0-9]+/g, "-");

test("segments and runs over HTTP: create, list, run, idempotency, control, rerun, SSE, bad input", async ({ request }) => {
  const id = idOf("api greet");
  const doc = segmentDoc(id, [
    { step_id: "greet", type: "transform", config: { expression: '{ "message": "Hello, " & input.name }' } },
  ], [], { input_schema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } });

  // Segments: 201 new, 200 next revision, 422 invalid, 400 malformed, 404 unknown.
  expect((await request.post("/api/v1/segments", { data: doc })).status()).toBe(201);
  expect(await (await request.post("/api/v1/segments", { data: doc })).json()).toEqual({ segment_id: id, revision: 2 });
  const invalid = await request.post("/api/v1/segments", { data: { ...doc, steps: [{ step_id: "x", type: "nope", config: {} }] } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.code).toBe("invalid_segment");
  const malformed = await request.post("/api/v1/segments", { headers: { "content-type": "application/json" }, data: Buffer.from('{"segment_id":') });
  expect(malformed.status()).toBe(400);
  expect((await request.get(`/api/v1/segments/${id}?revision=9`)).status()).toBe(404);
  expect((await (await request.get(`/api/v1/segments/${id}`)).json()).revision).toBe(2);

  // Runs: 202, completes; 422 on input; idempotency.
  const started = await request.post(`/api/v1/segments/${id}/runs`, { data: { input_data: { name: "Ada" }, idempotency_key: "k1" } });
  expect(started.status()).toBe(202);
  const { run_id } = (await started.json()) as Run;
  expect((await waitFor(request, run_id, ["completed"])).output).toEqual({ message: "Hello, Ada" });
  const again = await request.post(`/api/v1/segments/${id}/runs`, { data: { input_data: { name: "Ada" }, idempotency_key: "k1" } });
  expect(again.status()).toBe(200);
  expect(((await again.json()) as Run).run_id).toBe(run_id);
  expect((await request.post(`/api/v1/segments/${id}/runs`, { data: { input_data: { name: "Bob" }, idempotency_key: "k1" } })).status()).toBe(409);
  const badInput = await request.post(`/api/v1/segments/${id}/runs`, { data: { input_data: {} } });
  expect(badInput.status()).toBe(422);
  expect((await badInput.json()).error.code).toBe("invalid_data");

  // Control: a completed run cannot be cancelled (409 with the reason); rerun gives a new run.
  const cancel = await request.post(`/api/v1/runs/${run_id}/cancel`);
  expect(cancel.status()).toBe(409);
  expect((await cancel.json()).error.message).toMatch(/completed/);
  const rerun = await request.post(`/api/v1/runs/${run_id}/rerun`, { data: { input_data: { name: "Grace" } } });
  expect(rerun.status()).toBe(202);
  expect((await waitFor(request, ((await rerun.json()) as Run).run_id, ["completed"])).output).toEqual({ message: "Hello, Grace" });
  const list = await request.get(`/api/v1/runs?segment_id=${id}&status=completed&limit=1`);
  expect(((await list.json()) as { items: unknown[]; next_cursor: string | null }).next_cursor).not.toBeNull();

  // SSE: the whole log with id = seq, ending with the terminal event; Last-Event-ID replays the rest.
  const sse = await request.get(`/api/v1/runs/${run_id}/events`);
  expect(sse.headers()["content-type"]).toMatch(/^text\/event-stream/);
  const text = await sse.text();
  const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
  expect(ids).toEqual(ids.map((_, i) => i + 1));
  expect(text.trimEnd().split("\n\n").at(-1)).toContain("event: segment.completed");
  const rest = await (await request.get(`/api/v1/runs/${run_id}/events`, { headers: { "Last-Event-ID": String(ids.length - 1) } })).text();
  expect([...rest.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual([ids.length]);

  // Bodies over LLMTEAM_MAX_BODY_MB (10) are refused before they are parsed.
  const huge = await request.post(`/api/v1/segments/${id}/runs`, { headers: { "content-type": "application/json" }, data: Buffer.from(`{"input_data":"${"x".repeat(11 * 2 ** 20)}"}`) });
  expect(huge.status()).toBe(413);
  expect((await request.get("/api/v1/runs/no-such-run")).status()).toBe(404);
});

test("approvals and the webhook trigger over HTTP", async ({ request }) => {
  const id = idOf("api review");
  const form = { type: "object", properties: { title: { type: "string", minLength: 3 } }, required: ["title"] };
  const doc = segmentDoc(
    id,
    [
      { step_id: "draft", type: "transform", config: { expression: '{ "title": input.topic }' } },
      { step_id: "check", type: "human_approval", config: { title: "Check", form } },
      { step_id: "out", type: "transform", config: { expression: '{ "title": step_input.data.title }' } },
    ],
    [
      { from_step: "draft", to_step: "check" },
      { from_step: "check", to_step: "out" },
    ],
  );
  expect((await request.post("/api/v1/segments", { data: doc })).status()).toBe(201);
  const { run_id } = (await (await request.post(`/api/v1/segments/${id}/runs`, { data: { input_data: { topic: "Runs" } } })).json()) as Run;
  await waitFor(request, run_id, ["waiting"]);
  const [approval] = (await (await request.get(`/api/v1/approvals?run_id=${run_id}&status=pending`)).json()) as { approval_id: string }[];
  const decide = (body: unknown) => request.post(`/api/v1/approvals/${approval!.approval_id}/decision`, { data: body });
  expect((await decide({ decision: "approve", data: { title: "x" } })).status()).toBe(422);
  expect((await decide({ decision: "approve", data: { title: "Runs, edited" } })).status()).toBe(200);
  expect((await decide({ decision: "approve" })).status()).toBe(409);
  expect((await waitFor(request, run_id, ["completed"])).output).toEqual({ title: "Runs, edited" });

  // Webhook: enabled through the app's own API (as the editor does), then called.
  const enabled = await request.post("/api/trpc/webhooks.rotate", { data: { segment_id: id } });
  const url = new URL(((await enabled.json()) as { result: { data: { url: string } } }).result.data.url);
  const hooked = await request.post(`${url.pathname}`, { data: { topic: "Hooks" } });
  expect(hooked.status()).toBe(202);
  expect((await waitFor(request, ((await hooked.json()) as Run).run_id, ["waiting"])).status).toBe("waiting");
  expect((await request.post(`${url.pathname.slice(0, -1)}x`, { data: {} })).status()).toBe(404);
});

test("the remaining routes over HTTP: segment list and delete, pause/resume conflicts, catalog, OpenAPI", async ({ request }) => {
  const id = idOf("api misc");
  const doc = segmentDoc(id, [{ step_id: "only", type: "transform", config: { expression: '{ "ok": true }' } }]);
  expect((await request.post("/api/v1/segments", { data: doc })).status()).toBe(201);
  const page = (await (await request.get("/api/v1/segments?limit=200")).json()) as { items: { segment_id: string }[] };
  expect(page.items.map((item) => item.segment_id)).toContain(id);
  expect((await request.get("/api/v1/segments?limit=0")).status()).toBe(422);

  const { run_id } = (await (await request.post(`/api/v1/segments/${id}/runs`, { data: {} })).json()) as Run;
  await waitFor(request, run_id, ["completed"]);
  expect((await request.post(`/api/v1/runs/${run_id}/pause`)).status()).toBe(409);
  expect((await request.post(`/api/v1/runs/${run_id}/resume`)).status()).toBe(409);

  const catalog = (await (await request.get("/api/v1/catalog")).json()) as { type_id: string }[];
  expect(catalog.map((t) => t.type_id)).toEqual(expect.arrayContaining(["llm_agent", "transform", "human_approval"]));
  const openapi = (await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
  expect(openapi.openapi).toMatch(/^3\.1/);
  expect(Object.keys(openapi.paths)).toEqual(
    expect.arrayContaining(["/api/v1/segments/{id}/runs", "/api/v1/runs/{id}/events", "/api/v1/approvals/{id}/decision", "/api/v1/hooks/{segment_id}/{token}"]),
  );

  expect((await request.delete(`/api/v1/segments/${id}`)).status()).toBe(204);
  expect((await request.get(`/api/v1/segments/${id}`)).status()).toBe(404);
  expect((await request.get(`/api/v1/runs/${run_id}`)).status()).toBe(404);
});


test.describe("in the browser", () => {
  // The signed-in owner's browser, without the key the API tests above send.
  test.use({ extraHTTPHeaders: {}, storageState: OWNER_STATE });

  test("the API reference page lists the run, approval and trigger operations", async ({ page }) => {
    const assertClean = failOnPageErrors(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/api-docs");
    for (const summary of ["Start a run", "Follow a run (Server-Sent Events)", "Approve or reject", "Webhook trigger"]) {
      await expect(page.getByText(summary, { exact: true }).first()).toBeVisible({ timeout: 30_000 });
    }
    // The reference is one very long page: look at the start-a-run operation, not all of it.
    await page.getByText("Start a run", { exact: true }).first().click();
    await page.waitForTimeout(500);
    const dir = (test.info().config.metadata as { screenshotDir: string }).screenshotDir;
    await page.screenshot({ path: `${dir}/api-docs-start-run.png`, animations: "disabled" });
    assertClean();
  });
});

