// The six MCP tools, over the same services the REST API calls (src/server/services). Both
// transports register exactly these: the HTTP endpoint (/api/mcp) and `llmteam mcp` (stdio).
import { z } from "zod";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { CallToolResult, ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";
import { builtinCatalog } from "../../shared/catalog";
import type { RunDetail } from "../../shared/resources/run-detail";
import { AppError } from "../services/errors";
import { getSavedSegment } from "../services/get-saved-segment";
import { listSegments } from "../services/list-segments";
import { decideApproval, listApprovals } from "../services/runs/approvals";
import { getRun } from "../services/runs/get-run";
import { startRun } from "../services/runs/start-run";
import { startRunOnce } from "../services/runs/start-run-once";
import type { McpContext, McpContextGetter } from "./context";
import { errorResult, toolResult } from "./results";
import { MAX_WAIT_SECONDS, waitForRun } from "./run-wait";
import { approvalView, approvalViewSchema, describeApprovals, describeRun, runView, runViewSchema, type RunView } from "./views";

const json = (value: unknown) => JSON.stringify(value, null, 2);

const id = (what: string) => z.string().min(1).max(64, `${what} has at most 64 characters`);

const waitSeconds = (what: string) =>
  z
    .number()
    .min(0, "must be 0 or more seconds")
    .max(MAX_WAIT_SECONDS, `must be at most ${MAX_WAIT_SECONDS} seconds`)
    .optional()
    .describe(
      `Seconds to wait (at most ${MAX_WAIT_SECONDS}) for ${what} to finish or to start waiting for a human decision. ` +
        "Omit or 0: return at once. A wait that runs out does not stop the run: call get_run later.",
    );

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** Progress notifications while a tool waits (when the client asked for them with a progressToken). */
function progressReporter(extra: Extra, total: number, runId: string): ((elapsed: number) => void) | undefined {
  const token = extra._meta?.progressToken;
  if (token === undefined) return undefined;
  return (elapsed) => {
    extra
      .sendNotification({
        method: "notifications/progress",
        params: { progressToken: token, progress: Math.min(elapsed, total), total, message: `waiting for run ${runId}` },
      })
      .catch(() => {});
  };
}

async function viewOf(ctx: McpContext, run: RunDetail, options: { includeStepOutputs?: boolean; waitTimedOut?: boolean } = {}): Promise<RunView> {
  const filter = run.parent_run_id === null ? { root_run_id: run.run_id } : { run_id: run.run_id };
  const pending = await listApprovals(ctx.services, { ...filter, status: "pending" });
  return runView(run, pending, options);
}

/** The run after an optional wait, as a view. */
async function settle(ctx: McpContext, run: RunDetail, wait: number | undefined, extra: Extra, includeStepOutputs = false): Promise<RunView> {
  if (!wait) return viewOf(ctx, run, { includeStepOutputs });
  const onProgress = progressReporter(extra, wait, run.run_id);
  const outcome = await waitForRun(ctx, run.run_id, wait, { signal: extra.signal, ...(onProgress ? { onProgress } : {}) });
  return viewOf(ctx, outcome.run, { includeStepOutputs, waitTimedOut: outcome.timedOut });
}

/** Runs a tool's work with a fresh context; any failure becomes a tool error. */
function handler<A>(name: string, options: ToolOptions, work: (ctx: McpContext, args: A, extra: Extra) => Promise<CallToolResult>) {
  return (args: A, extra: Extra): Promise<CallToolResult> => {
    const call = (async () => {
      try {
        return await work(await options.getContext(), args, extra);
      } catch (error) {
        return errorResult(error, name);
      }
    })();
    options.onToolCall?.(call);
    return call;
  };
}

// ---------------------------------------------------------------------------------------------

const segmentItemSchema = z.object({
  segment_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  revision: z.int().nullable().describe("Latest saved revision; null while the segment is only a draft (it cannot run yet)"),
  input_schema: z.record(z.string(), z.unknown()).nullable().describe("JSON Schema the run input must match; null: any input"),
  step_count: z.int(),
  run_count: z.int(),
  updated_at: z.string(),
});

const catalogItemSchema = z.record(z.string(), z.unknown()).describe("A step type: type_id, display_name, category, description, ports, config_schema");

const runSegmentInput = z.strictObject({
  segment_id: id("a segment id").describe("The segment to run (from list_segments)"),
  input: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("The run input: a JSON object matching the segment's input_schema (from list_segments). Default {}"),
  revision: z.int().min(1).optional().describe("Run this saved revision instead of the latest"),
  wait: waitSeconds("the run"),
  idempotency_key: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("Retry-safe start: calling again with the same key and arguments returns the run the first call started instead of starting another"),
});

const getRunInput = z.strictObject({
  run_id: id("a run id").describe("The run (from run_segment)"),
  wait: waitSeconds("the run"),
  include_step_outputs: z.boolean().optional().describe("Also return every step's output (can be large). Default false"),
});

const listApprovalsInput = z.strictObject({
  run_id: id("a run id").optional().describe("Only this run's approvals (a top-level run includes its child runs')"),
  segment_id: id("a segment id").optional().describe("Only approvals of runs of this segment"),
});

const decideInput = z.strictObject({
  approval_id: id("an approval id").describe("The approval (from list_pending_approvals or the run's pending_approvals)"),
  decision: z.enum(["approve", "reject"]),
  data: z
    .unknown()
    .optional()
    .describe("approve only: edited data to continue with instead of the approval's data; must match the approval's form (JSON Schema)"),
  comment: z.string().max(10_000).optional().describe("A comment kept with the decision (e.g. why it was rejected)"),
  wait: waitSeconds("the run after the decision"),
});

export type ToolOptions = {
  getContext: McpContextGetter;
  /** Sees every tool call in flight (stdio waits for them before it closes). */
  onToolCall?: (call: Promise<unknown>) => void;
};

export function registerTools(server: McpServer, options: ToolOptions): void {
  server.registerTool(
    "list_segments",
    {
      title: "List segments",
      description:
        "Lists the segments (workflows) that can be run: id, name, description, latest saved revision and the JSON Schema their run input must match. " +
        "Run one with run_segment.",
      inputSchema: z.strictObject({}),
      outputSchema: z.object({ segments: z.array(segmentItemSchema) }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    handler("list_segments", options, async (ctx) => {
      const summaries = await listSegments(ctx.services);
      const segments = await Promise.all(
        summaries.map(async (s) => {
          let inputSchema: Record<string, unknown> | null = null;
          if (s.latest_revision > 0) {
            const saved = await getSavedSegment(ctx.services, { segment_id: s.segment_id });
            const schema = saved.segment.input_schema;
            inputSchema = schema && typeof schema === "object" && !Array.isArray(schema) ? (schema as Record<string, unknown>) : null;
          }
          return {
            segment_id: s.segment_id,
            name: s.name,
            description: s.description,
            revision: s.latest_revision > 0 ? s.latest_revision : null,
            input_schema: inputSchema,
            step_count: s.step_count,
            run_count: s.run_count,
            updated_at: s.updated_at,
          };
        }),
      );
      const lines = segments.map(
        (s) => `- ${s.segment_id}: ${s.name}${s.description ? ` — ${s.description}` : ""}${s.revision === null ? " (draft only: cannot run yet)" : ` (revision ${s.revision})`}`,
      );
      const head = segments.length === 0 ? "There are no segments." : `${segments.length} segment${segments.length === 1 ? "" : "s"}:\n${lines.join("\n")}`;
      return toolResult({ segments }, `${head}\n\n${json({ segments })}`);
    }),
  );

  server.registerTool(
    "get_catalog",
    {
      title: "Get the step catalog",
      description:
        "The step types a segment is built from (LLM agent, transform, condition, HTTP request, human approval, ...), with their ports and the JSON Schema of their config. " +
        "Pass type_id for one step type.",
      inputSchema: z.strictObject({ type_id: z.string().min(1).max(64).optional().describe("Only this step type, e.g. llm_agent") }),
      outputSchema: z.object({ step_types: z.array(catalogItemSchema) }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    handler("get_catalog", options, async (_ctx, args: { type_id?: string | undefined }) => {
      const all = builtinCatalog.describe();
      const stepTypes = args.type_id === undefined ? all : all.filter((t) => t.type_id === args.type_id);
      if (stepTypes.length === 0) {
        throw new AppError("not_found", `Step type "${args.type_id}" was not found; the step types are: ${all.map((t) => t.type_id).join(", ")}`);
      }
      const lines = stepTypes.map((t) => `- ${t.type_id} (${t.category}): ${t.display_name} — ${t.description}`);
      return toolResult({ step_types: stepTypes }, `${lines.join("\n")}\n\n${json({ step_types: stepTypes })}`);
    }),
  );

  server.registerTool(
    "run_segment",
    {
      title: "Run a segment",
      description:
        "Starts a run of a saved segment with the given input. Without `wait` it returns at once with the run id and status; " +
        "with `wait` (seconds) it waits until the run completes, fails or stops to wait for a human decision, and returns the run with its output. " +
        "A run waiting for a human (status `waiting`) lists its pending_approvals: decide them with decide_approval. " +
        "Input that does not match the segment's input_schema is refused with every problem listed, and no run is started.",
      inputSchema: runSegmentInput,
      outputSchema: runViewSchema,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    handler("run_segment", options, async (ctx, args: z.output<typeof runSegmentInput>, extra) => {
      await ctx.beforeRunStart(ctx.services.principal);
      const request = { segment_id: args.segment_id, revision: args.revision, input: args.input ?? {} };
      const run = args.idempotency_key
        ? (await startRunOnce(ctx.services, { ...request, idempotency_key: args.idempotency_key })).run
        : await startRun(ctx.services, request);
      const view = await settle(ctx, run, args.wait, extra);
      return toolResult(view, describeRun(view));
    }),
  );

  server.registerTool(
    "get_run",
    {
      title: "Get a run",
      description:
        "A run's status, input, output, error, the status of each step and the approvals it waits for. " +
        "With `wait` (seconds), first waits until the run finishes or starts waiting for a human decision.",
      inputSchema: getRunInput,
      outputSchema: runViewSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    handler("get_run", options, async (ctx, args: z.output<typeof getRunInput>, extra) => {
      const run = await getRun(ctx.services, { run_id: args.run_id });
      const view = await settle(ctx, run, args.wait, extra, args.include_step_outputs === true);
      return toolResult(view, describeRun(view));
    }),
  );

  server.registerTool(
    "list_pending_approvals",
    {
      title: "List pending approvals",
      description:
        "The human approval steps waiting for a decision, newest runs first: what to review (`data`), the instructions, and the JSON Schema (`form`) edited data must match. " +
        "Decide one with decide_approval.",
      inputSchema: listApprovalsInput,
      outputSchema: z.object({ approvals: z.array(approvalViewSchema) }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    handler("list_pending_approvals", options, async (ctx, args: z.output<typeof listApprovalsInput>) => {
      let approvals = await listApprovals(ctx.services, { status: "pending", ...(args.run_id ? { root_run_id: args.run_id } : {}) });
      if (args.run_id && approvals.length === 0) {
        // Not a top-level run: a child run's own approvals (and a clear not-found for an unknown id).
        await getRun(ctx.services, { run_id: args.run_id });
        approvals = await listApprovals(ctx.services, { status: "pending", run_id: args.run_id });
      }
      if (args.segment_id) approvals = approvals.filter((a) => a.segment_id === args.segment_id);
      const views = approvals.map(approvalView);
      return toolResult({ approvals: views }, describeApprovals(views));
    }),
  );

  server.registerTool(
    "decide_approval",
    {
      title: "Approve or reject",
      description:
        "Records a human decision on a pending approval and lets its run continue: `approve` (optionally with edited `data`, which must match the approval's form) " +
        "or `reject` (optionally with a `comment`). A decision is recorded once: deciding an approval that was already decided, expired or cancelled is refused (conflict). " +
        "Returns the decided approval and the run; with `wait` (seconds), the run after it finished or stopped at the next human step.",
      inputSchema: decideInput,
      outputSchema: z.object({ approval: approvalViewSchema, run: runViewSchema }),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    handler("decide_approval", options, async (ctx, args: z.output<typeof decideInput>, extra) => {
      const approval = await decideApproval(ctx.services, {
        approval_id: args.approval_id,
        decision: args.decision,
        ...(args.data === undefined ? {} : { data: args.data }),
        ...(args.comment === undefined ? {} : { comment: args.comment }),
      });
      const run = await getRun(ctx.services, { run_id: approval.root_run_id });
      const view = await settle(ctx, run, args.wait, extra);
      const decided = approvalView(approval);
      const head = `Approval ${approval.approval_id} ${approval.decision ?? approval.status}${approval.edited ? " with edited data" : ""}.`;
      return toolResult({ approval: decided, run: view }, `${head}\n${describeRun(view)}`);
    }),
  );
}
