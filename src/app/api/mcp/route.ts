// MCP over Streamable HTTP (stateless): agents call LLMTeam's tools here. See docs/mcp.md.
import { createMcpHttpHandler } from "@/server/mcp/http";

export const dynamic = "force-dynamic";

const handler = createMcpHttpHandler();

export const POST = handler;
export const GET = handler;
export const DELETE = handler;
