// What the MCP tools run against: the same services the REST API and tRPC call, who is asking,
// the engine's event hub (to wait for runs) and the hook every run start goes through. The HTTP
// endpoint builds one per request (its principal); `llmteam mcp` builds one for its process.
import type { Principal } from "../auth/principal";
import { consumeRunStart } from "../rate-limit/run-start-limit";
import type { RunServiceContext } from "../services/context";
import type { EventHub } from "../runtime/event-hub";

export type McpContext = {
  services: RunServiceContext;
  /** The engine's live events: run_segment/get_run/decide_approval wait on them. */
  events: EventHub;
  /**
   * Called before every run an MCP tool starts, with who starts it; throwing refuses the start
   * (an AppError becomes a tool error the agent can read).
   */
  beforeRunStart(principal: Principal): Promise<void>;
};

/** Built per tool call: the HTTP endpoint resolves its principal per request. */
export type McpContextGetter = () => McpContext | Promise<McpContext>;

/**
 * The HTTP endpoint's run-start hook: MCP run starts count against the same per-session /
 * per-API-key budget as REST and the UI (LLMTEAM_RATE_LIMIT_RUNS_PER_MIN); past it the agent
 * gets the rate_limited tool error with the seconds to wait.
 */
export async function beforeRunStart(principal: Principal): Promise<void> {
  await consumeRunStart(principal);
}

/** `llmteam mcp` (stdio) is the local user's own process on their own database: no budget. */
export async function noRunStartLimit(_principal: Principal): Promise<void> {}
