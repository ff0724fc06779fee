// Tool results: success carries `structuredContent` (matching the tool's output schema) and a
// text rendering; a domain failure (not found, conflict, invalid data...) is a tool error
// (`isError: true`) with a readable message listing every problem, never a protocol error, so
// the agent sees it and can correct itself. Unexpected failures are logged, not leaked.
import { ZodError } from "zod";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { getLogger } from "../logging/logger";
import { AppError, type AppErrorCode } from "../services/errors";

export function toolResult(structured: Record<string, unknown>, text: string): CallToolResult {
  return { content: [{ type: "text", text }], structuredContent: structured };
}

const HINTS: Partial<Record<AppErrorCode, string>> = {
  not_found: "Check the id (list_segments, list_pending_approvals and get_run show the ids that exist).",
  conflict: "Nothing was changed.",
  invalid_data: "Nothing was changed: correct the data and call the tool again.",
  invalid_input: "Correct the arguments and call the tool again.",
  unauthorized: "The credentials were refused.",
  forbidden: "This principal may not do that.",
  unavailable: "Try again later.",
};

export function toolError(code: string, message: string, problems: string[] = []): CallToolResult {
  const hint = HINTS[code as AppErrorCode];
  const lines = [`Error (${code}): ${message}`, ...problems.map((p) => `- ${p}`), ...(hint ? [hint] : [])];
  return { content: [{ type: "text", text: lines.join("\n") }], isError: true };
}

/** Any error a tool's work threw → the tool error the agent reads. */
export function errorResult(error: unknown, tool: string): CallToolResult {
  if (error instanceof AppError) {
    const problems = error.details
      .filter((d) => !error.message.includes(d.message))
      .map((d) => {
        const where = d.path || d.step_id;
        return `${where ? `${where}: ` : ""}${d.message}`;
      });
    return toolError(error.code, error.message, problems);
  }
  if (error instanceof ZodError) {
    return toolError(
      "invalid_input",
      "The arguments are invalid",
      error.issues.map((i) => `${i.path.join(".") || "(arguments)"}: ${i.message}`),
    );
  }
  getLogger().error({ err: error, tool }, "MCP tool failed");
  return toolError("internal", "Something went wrong on the server. It has been logged.");
}
