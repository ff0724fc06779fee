// What the MCP tools run against: the same services the REST API and tRPC call, who is asking,
// the engine's event hub (to wait for runs) and the hook every run start goes through. The HTTP
// endpoint builds one per request (its principal); `llmteam mcp` builds one for its process.
import type { Principal } from "../auth/principal";
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
 * The run-start hook both transports use. RATE LIMIT (issue 7, merge point): the run-start rate
 * limiter from the observability branch is called here, e.g.
 *   `await limitRunStarts(principal);`
 * so MCP run starts count against the same per-session / per-API-key budget as REST and the UI.
 */
export async function beforeRunStart(_principal: Principal): Promise<void> {
  // Intentionally empty until the run-start limiter lands (see above).
}
