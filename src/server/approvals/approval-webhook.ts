// LLMTEAM_APPROVAL_WEBHOOK_URL: when a human step starts waiting (`step.waiting`), POST
// `{type: "approval.pending", approval, link: {url, expires_at}, run_url}` so a chat bot or
// mailer can deliver the signed link. Fire and forget: the engine never waits for it; each
// delivery has a timeout and one retry, and a failure is logged (never the URL, which may
// carry credentials) and dropped.
import type { Approval } from "../../shared/resources/run-detail";
import type { Config } from "../config/env";
import type { EventHub } from "../runtime/event-hub";
import type { ApprovalLink } from "./approval-links";
import { approvalLink } from "./link-service";
import { getLogger } from "../logging/logger";

export const WEBHOOK_TIMEOUT_MS = 5_000;
export const WEBHOOK_RETRY_DELAY_MS = 1_000;

export type ApprovalPendingPayload = {
  type: "approval.pending";
  approval: Approval;
  link: ApprovalLink;
  /** The run view with this step's panel open. */
  run_url: string;
};

export type ApprovalWebhookOptions = {
  config: Config;
  events: Pick<EventHub, "subscribe">;
  timeoutMs?: number;
  retryDelayMs?: number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
};

export type ApprovalWebhook = {
  /** Resolves when every delivery started so far has finished (delivered or given up). */
  idle(): Promise<void>;
  /** Stops listening, then waits (up to `deadlineMs`) for deliveries in flight. */
  stop(deadlineMs?: number): Promise<void>;
};

export function runUrl(publicUrl: string, approval: Pick<Approval, "root_run_id" | "step_id">): string {
  return `${publicUrl}/runs/${encodeURIComponent(approval.root_run_id)}?step=${encodeURIComponent(approval.step_id)}`;
}

export function startApprovalWebhook(options: ApprovalWebhookOptions): ApprovalWebhook {
  const url = options.config.approvalWebhookUrl;
  if (!url) return { idle: async () => {}, stop: async () => {} };
  const post = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const retryDelayMs = options.retryDelayMs ?? WEBHOOK_RETRY_DELAY_MS;
  const log = options.log ?? ((message: string) => getLogger().error({ webhook: "approval.pending" }, message));
  const inFlight = new Set<Promise<void>>();

  async function attempt(body: string): Promise<void> {
    const res = await post(url!, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": `llmteam/${options.config.version}` },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      // A redirect could turn the POST into a GET elsewhere: the receiver should answer 2xx.
      redirect: "manual",
    });
    await res.body?.cancel().catch(() => {});
    if (!res.ok) throw new DeliveryError(`the receiver answered HTTP ${res.status}`);
  }

  async function deliver(approval: Approval): Promise<void> {
    const payload: ApprovalPendingPayload = {
      type: "approval.pending",
      approval,
      link: approvalLink(options.config, approval),
      run_url: runUrl(options.config.publicUrl, approval),
    };
    const body = JSON.stringify(payload);
    for (let n = 1; n <= 2; n++) {
      try {
        await attempt(body);
        return;
      } catch (err) {
        const what = `[approval-webhook] approval ${approval.approval_id} (run ${approval.run_id}, step ${approval.step_id})`;
        if (n === 2) {
          log(`${what}: delivery failed again (${describe(err, timeoutMs)}); giving up. The approval still waits in the app.`);
          return;
        }
        log(`${what}: delivery failed (${describe(err, timeoutMs)}); retrying once.`);
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      }
    }
  }

  const unsubscribe = options.events.subscribe((event) => {
    if (event.type !== "step.waiting") return;
    const job = deliver(event.payload.approval).catch((err: unknown) => log(`[approval-webhook] unexpected error: ${describe(err, timeoutMs)}`));
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  });

  const idle = async () => {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  };
  return {
    idle,
    async stop(deadlineMs = 2_000) {
      unsubscribe();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([idle(), new Promise((resolve) => (timer = setTimeout(resolve, deadlineMs)))]);
      clearTimeout(timer);
    },
  };
}

class DeliveryError extends Error {}

/** A one-line reason that names no URL, header or body. */
function describe(err: unknown, timeoutMs: number): string {
  if (err instanceof DeliveryError) return err.message;
  if (err instanceof Error) {
    if (err.name === "TimeoutError" || err.name === "AbortError") return `no answer within ${timeoutMs / 1000} s`;
    const code = (err.cause as { code?: unknown } | undefined)?.code;
    if (typeof code === "string") return `network error ${code}`;
    return err.name === "TypeError" ? "network error" : err.name;
  }
  return "unknown error";
}
