// LLMTEAM_APPROVAL_WEBHOOK_URL against a real local HTTP server: what it receives when a
// human step starts waiting, and that a failing receiver never breaks the run.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setAppContext, type AppContext } from "../../src/server/app-context";
import { verifyLinkToken } from "../../src/server/approvals/approval-links";
import { startApprovalWebhook, type ApprovalPendingPayload, type ApprovalWebhook } from "../../src/server/approvals/approval-webhook";
import { approvalLinkKey } from "../../src/server/approvals/link-secret";
import { parseConfig } from "../../src/server/config/env";
import type { Approval } from "../../src/shared/resources/run-detail";
import { testAppContext } from "../helpers/app-context";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { data } from "../helpers/trpc-call";
import { callerFrom, reviewSegment, saveSegment, startWaitingRun, tokenOf, waitForRun } from "./helpers";

type Received = { method: string; path: string; contentType: string | undefined; body: string };
type Receiver = { url: string; received: Received[]; server: Server; next(): Promise<Received> };

/** A webhook receiver on a free local port answering `status` (or never, for "hang"). */
async function startReceiver(answer: number | "hang"): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: ((r: Received) => void)[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const entry = { method: req.method ?? "", path: req.url ?? "", contentType: req.headers["content-type"], body };
      received.push(entry);
      waiters.shift()?.(entry);
      if (answer !== "hang") res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/approvals?key=s3cret-in-url`,
    received,
    server,
    next: () => new Promise<Received>((resolve) => waiters.push(resolve)),
  };
}

let t: TestDatabase;
let app: AppContext;
const receivers: Receiver[] = [];
const webhooks: ApprovalWebhook[] = [];

beforeAll(async () => {
  t = await openTestDatabase("pglite");
  app = testAppContext(t);
  setAppContext(app);
  await saveSegment(reviewSegment("hooked-review"));
});
afterEach(async () => {
  for (const hook of webhooks.splice(0)) await hook.stop(5_000);
  for (const r of receivers.splice(0)) {
    r.server.closeAllConnections();
    await new Promise((resolve) => r.server.close(resolve));
  }
});
afterAll(async () => {
  await app?.runtime.stop();
  setAppContext(undefined);
  await t?.cleanup();
});

function hookConfig(url: string) {
  return parseConfig({ LLMTEAM_DATA_DIR: t.dataDir, LLMTEAM_APPROVAL_WEBHOOK_URL: url, LLMTEAM_PUBLIC_URL: "https://llm.example.com/" });
}

function startHook(url: string, extra: { timeoutMs?: number; log?: (m: string) => void } = {}) {
  const config = hookConfig(url);
  const hook = startApprovalWebhook({ config, events: app.runtime.events, retryDelayMs: 10, ...extra });
  webhooks.push(hook);
  return { config, hook };
}

describe("approval webhook", () => {
  it("posts approval.pending with the approval, a working signed link and the run URL", async () => {
    const receiver = await startReceiver(204);
    receivers.push(receiver);
    const { config } = startHook(receiver.url);
    const delivered = receiver.next();

    const { run, approval } = await startWaitingRun("hooked-review", { topic: "Webhooks" });
    const request = await delivered;
    expect(request).toMatchObject({ method: "POST", path: "/hooks/approvals?key=s3cret-in-url", contentType: "application/json" });
    const body = JSON.parse(request.body) as ApprovalPendingPayload;
    expect(body.type).toBe("approval.pending");
    expect(body.approval).toMatchObject({
      approval_id: approval.approval_id,
      run_id: run.run_id,
      step_id: "review",
      status: "pending",
      title: "Approve the draft",
      data: { title: "Webhooks", words: 120 },
    } satisfies Partial<Approval>);
    expect(body.run_url).toBe(`https://llm.example.com/runs/${run.root_run_id}?step=review`);
    expect(body.link.url).toMatch(/^https:\/\/llm\.example\.com\/approve\/[\w-]+\.[\w-]+$/);
    expect(verifyLinkToken(approvalLinkKey(config).key, tokenOf(body.link.url), new Date()).approval_id).toBe(approval.approval_id);

    // The link in the message decides the approval (same data dir, so the same secret file).
    await callerFrom("198.51.100.7").approvalLinks.decide({ token: tokenOf(body.link.url), decision: "approve" });
    expect((await waitForRun(run.run_id, ["completed", "failed"])).status).toBe("completed");
    expect(receiver.received).toHaveLength(1);
  });

  it("webhook-failure: a receiver answering 500 gets one retry, the failure is logged without the URL, and the run goes on", async () => {
    const receiver = await startReceiver(500);
    receivers.push(receiver);
    const logs: string[] = [];
    const { hook } = startHook(receiver.url, { log: (m) => logs.push(m) });

    const { run, approval } = await startWaitingRun("hooked-review", { topic: "Unlucky" });
    await hook.idle();
    expect(receiver.received).toHaveLength(2);
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/delivery failed \(the receiver answered HTTP 500\); retrying once/);
    expect(logs[1]).toMatch(/delivery failed again .*giving up/);
    for (const line of logs) {
      expect(line).not.toContain("s3cret");
      expect(line).not.toContain("127.0.0.1");
    }

    expect((await data<{ status: string }>("runs.get", { run_id: run.run_id }, "GET")).status).toBe("waiting");
    await data("approvals.decide", { approval_id: approval.approval_id, decision: "approve" });
    expect((await waitForRun(run.run_id, ["completed", "failed"])).status).toBe("completed");
  });

  it("webhook-timeout: a receiver that never answers is abandoned after the timeout and retry; the run is unaffected", async () => {
    const receiver = await startReceiver("hang");
    receivers.push(receiver);
    const logs: string[] = [];
    const { hook } = startHook(receiver.url, { timeoutMs: 200, log: (m) => logs.push(m) });

    const { run } = await startWaitingRun("hooked-review", { topic: "Silent" });
    await hook.idle();
    expect(receiver.received).toHaveLength(2);
    expect(logs.at(-1)).toMatch(/no answer within 0.2 s.*giving up/);
    expect((await data<{ status: string }>("runs.get", { run_id: run.run_id }, "GET")).status).toBe("waiting");
  });
});
