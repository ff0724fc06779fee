// One MCP server with LLMTeam's tools, for any transport: the HTTP endpoint creates one per
// request (stateless), `llmteam mcp` one for its stdio session.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import packageJson from "../../../package.json";
import type { McpContextGetter } from "./context";
import { registerTools, type ToolOptions } from "./tools";

const INSTRUCTIONS =
  "LLMTeam runs segments: saved LLM/agent workflows made of steps. list_segments shows what can run and the input each expects; " +
  "run_segment starts one (pass `wait` to get its output in the same call). A run may stop at a human approval step (status `waiting`): " +
  "list_pending_approvals / decide_approval review and decide those. get_run follows a run; get_catalog describes the step types.";

export function createMcpServer(getContext: McpContextGetter, options: Omit<ToolOptions, "getContext"> = {}): McpServer {
  const server = new McpServer({ name: "llmteam", title: "LLMTeam Canvas", version: packageJson.version }, { instructions: INSTRUCTIONS });
  registerTools(server, { ...options, getContext });
  return server;
}
