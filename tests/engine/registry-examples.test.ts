import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createBuiltinRegistry } from "../../src/engine/steps/builtins";
import { StepRegistry } from "../../src/engine/steps/registry";
import { builtinCatalog } from "../../src/shared/catalog";
import { expectEngineError, setup } from "./helpers";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const example = (name: string) => JSON.parse(readFileSync(path.join(root, "src/server/seed/examples", `${name}.json`), "utf8")) as never;

describe("step registry", () => {
  it("registering-a-type-twice-is-an-error", async () => {
    const registry = createBuiltinRegistry();
    expect(() => registry.register({ type: "transform", parseConfig: (c) => c, start: async () => ({ kind: "complete", output: null }) })).toThrow(/already registered/);
    expect(new StepRegistry().types()).toEqual([]);
  });

  it("there-is-a-handler-for-every-catalog-type", () => {
    expect(createBuiltinRegistry().types().sort()).toEqual(builtinCatalog.typeIds().sort());
  });

  it("starting-a-segment-with-an-unknown-step-type-is-refused", async () => {
    const h = setup();
    h.segments.add({ segment_id: "odd", name: "Odd", entrypoint: "x", steps: [{ step_id: "x", type: "teleport", config: {} }] });
    await expectEngineError(h.engine.start({ segment_id: "odd" }), "invalid_segment");
    await expectEngineError(h.engine.start({ segment_id: "none" }), "segment_not_found");
  });

  it("a-run-input-must-match-input_schema", async () => {
    const h = setup();
    h.segments.add(example("article-writer"));
    const error = await expectEngineError(h.engine.start({ segment_id: "article-writer", input: { audience: 1 } }), "invalid_input");
    expect(error.problems.length).toBe(2);
  });
});

describe("seeded example segments run", () => {
  it("article-writer: waits for the editor, then publishes", async () => {
    const h = setup();
    const run = await h.start(example("article-writer"), { topic: "Durable workflows", audience: "engineers" });
    expect(run.status).toBe("waiting");
    const approval = await h.pendingApproval(run.run_id);
    await h.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "user:editor" });
    await h.settle();
    const done = await h.run(run.run_id);
    expect(done.status).toBe("completed");
    expect(done.output).toMatchObject({ title: "Durable workflows", topic: "Durable workflows", approved_by: "user:editor" });
    expect((done.output as { body: string }).body).toMatch(/^Runs that survive crashes/);
  });

  it("article-writer: the editor's edits (title and text, checked against the step's form) are what gets published", async () => {
    const h = setup();
    const run = await h.start(example("article-writer"), { topic: "Durable workflows" });
    const approval = await h.pendingApproval(run.run_id);
    expect(approval.data).toMatchObject({ title: "Durable workflows" });
    await expectEngineError(
      h.engine.decide({ approval_id: approval.approval_id, decision: "approve", data: { title: "Hi", body: "too short" }, decided_by: "user:editor" }),
      "invalid_decision",
    );
    const body = "Runs survive crashes. People approve the steps that matter, on the canvas.";
    await h.engine.decide({ approval_id: approval.approval_id, decision: "approve", data: { title: "Crash-proof agents", body }, decided_by: "user:editor" });
    await h.settle();
    expect((await h.run(run.run_id)).output).toEqual({ title: "Crash-proof agents", topic: "Durable workflows", body, approved_by: "user:editor" });
  });

  it("support-triage: routes the urgent ticket to a human", async () => {
    const h = setup();
    const run = await h.start(example("support-triage"), { subject: "Refund", body: "Charged twice" });
    expect(run.steps.classify?.output).toEqual({ category: "billing", urgent: true });
    expect(run.steps.auto_reply?.status).toBe("skipped");
    expect(run.steps.escalate?.status).toBe("waiting");
    await h.advance(3_600_000);
    const done = await h.run(run.run_id);
    expect(done.status).toBe("completed");
    expect(done.steps.escalate?.output).toMatchObject({ decided_by: "system:timeout", decision: "approved" });
  });

  it("fetch-and-summarize: fetches, picks the body and summarizes it", async () => {
    const h = setup({
      fetch: async () => new Response(JSON.stringify({ title: "T" }), { status: 200, headers: { "content-type": "application/json" } }),
    });
    const run = await h.start(example("fetch-and-summarize"), { url: "https://example.test/doc" });
    expect(run.status).toBe("completed");
    expect(run.output).toBe('{"title":"T"}');
  });
});
