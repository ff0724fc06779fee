// What the server starts for approvals outside the app: the link signing key (resolved now, so
// a missing or broken secret file is reported at startup, not on the first link) and the
// webhook. Called from src/server/main.ts.
import type { Config } from "../config/env";
import type { EventHub } from "../runtime/event-hub";
import { startApprovalWebhook } from "./approval-webhook";
import { approvalLinkKey } from "./link-secret";

export function startApprovals(options: { config: Config; events: Pick<EventHub, "subscribe"> }): { stop(): Promise<void> } {
  approvalLinkKey(options.config);
  const webhook = startApprovalWebhook({ config: options.config, events: options.events });
  return { stop: () => webhook.stop() };
}
