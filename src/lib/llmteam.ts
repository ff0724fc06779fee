/**
 * LLMTeam as a library (seed P1-6): open the database (embedded PGlite or PostgreSQL), run a
 * segment, follow its events and decide its approvals from a Node program. It goes through the
 * same services as the server; the `llmteam` command (src/cli) is built on it.
 *
 *   const team = await LLMTeam.open({ dataDir: ".data" });
 *   const run = await team.run(segmentJson, { subject: "Hi" }, { onEvent: (e) => console.log(e.type) });
 *   await team.close();
 */
import path from "node:path";
import type { AppContext } from "../server/app-context";
import { LOCAL_OWNER, type Principal } from "../server/auth/principal";
import { bootCore } from "../server/boot";
import { getConfig, parseConfig, type Config } from "../server/config/env";
import type { RunServiceContext } from "../server/services/context";
import { AppError } from "../server/services/errors";
import { decideApproval, listApprovals } from "../server/services/runs/approvals";
import { controlRun } from "../server/services/runs/control-run";
import { getRun } from "../server/services/runs/get-run";
import { startRun } from "../server/services/runs/start-run";
import { saveSegmentRevision } from "../server/services/save-segment-revision";
import type { LiveEvent, RunEvent } from "../shared/events";
import type { Approval, ApprovalStatus, RunDetail } from "../shared/resources/run-detail";
import type { SavedRevision } from "../shared/resources/segment-resource";
import { EventFollower, type RunEventListener } from "./event-follower";
import { AdvanceTracker, waitUntilSettled, type SettleDeps, type SettleOptions } from "../server/runtime/run-settle";

export type { Approval, LiveEvent, RunDetail, RunEvent, RunEventListener, SavedRevision, SettleOptions };
export { AppError };

export type LLMTeamOptions = {
  /** Directory of the embedded database. Setting it selects the embedded database. Default: LLMTEAM_DATA_DIR or ./.data. */
  dataDir?: string;
  /** `postgres://…`: use PostgreSQL instead. Default: DATABASE_URL. */
  databaseUrl?: string;
  /** Recorded as who started runs and decided approvals. Default: the local owner. */
  principal?: Principal;
};

export type WaitOptions = SettleOptions & {
  /** The run's events (its child runs' too): stored ones in seq order per run, plus live `llm.token`. */
  onEvent?: RunEventListener;
};

export type RunOptions = WaitOptions & {
  /** With a segment id: the revision to run (default: the latest). */
  revision?: number;
};

export type DecideOptions = WaitOptions & {
  /** Edited data (approve only); must match the approval's form. */
  data?: unknown;
  comment?: string;
  /** Wait until the run settles again (default true). */
  wait?: boolean;
};

export type DecideResult = { approval: Approval; run: RunDetail };

/** A saved segment's id, or a segment document (saved as a new revision first). */
export type SegmentRef = string | Record<string, unknown>;

function configFor(options: LLMTeamOptions): Config {
  const base = getConfig();
  const database: Partial<Config> = options.databaseUrl
    ? // Validated like DATABASE_URL (a ConfigError names the problem).
      { databaseUrl: parseConfig({ DATABASE_URL: options.databaseUrl }).databaseUrl }
    : options.dataDir
      ? { databaseUrl: undefined, dataDir: path.resolve(options.dataDir) }
      : {};
  // Example segments are for a new server's UI, not for programs.
  return Object.freeze({ ...base, ...database, seedExamples: false });
}

export class LLMTeam {
  readonly #core: AppContext;
  readonly #ctx: RunServiceContext;
  readonly #settle: SettleDeps;
  readonly #closed = new AbortController();
  #closing: Promise<void> | undefined;

  private constructor(core: AppContext, principal: Principal) {
    this.#core = core;
    const ctx: RunServiceContext = { repos: core.db.repos, principal, engine: core.runtime.engine };
    this.#ctx = ctx;
    this.#settle = {
      events: core.runtime.events,
      tracker: new AdvanceTracker(core.runtime.engine),
      getRun: (runId) => getRun(ctx, { run_id: runId }),
      async cancel(runId) {
        try {
          await controlRun(ctx, { run_id: runId, action: "cancel" });
        } catch (error) {
          // Finished (or cancelled) meanwhile: the wait reports how it ended.
          if (!(error instanceof AppError && error.code === "conflict")) throw error;
        }
      },
      closed: this.#closed.signal,
    };
  }

  /**
   * Opens the database (applying migrations) and starts the engine. Unfinished runs found in the
   * database continue. Throws the server's startup errors (DataDirLockedError when a running
   * server holds the embedded database; see describeStartupError in src/server/boot.ts).
   */
  static async open(options: LLMTeamOptions = {}): Promise<LLMTeam> {
    const core = await bootCore(configFor(options));
    return new LLMTeam(core, options.principal ?? LOCAL_OWNER);
  }

  get config(): Config {
    return this.#core.config;
  }

  /** Validates a segment document and saves it as a new revision (AppError `invalid_segment` lists every problem). */
  save(document: unknown): Promise<SavedRevision> {
    return saveSegmentRevision(this.#ctx, { document });
  }

  /** Starts a run and returns at once (the run proceeds in the background). */
  async start(segment: SegmentRef, input?: unknown, options: { revision?: number } = {}): Promise<RunDetail> {
    const target = typeof segment === "string" ? { segment_id: segment, revision: options.revision } : await this.save(segment);
    return startRun(this.#ctx, { segment_id: target.segment_id, revision: target.revision, input: input ?? {} });
  }

  /**
   * Runs a segment and resolves when the run settled: completed, failed, cancelled, or waiting
   * for a person (`waiting`, `paused`). A document is saved as a new revision first.
   */
  async run(segment: SegmentRef, input?: unknown, options: RunOptions = {}): Promise<RunDetail> {
    return this.#following(options.onEvent, true, async (follower) => {
      const started = await this.start(segment, input, options);
      follower?.setRoot(started.run_id);
      return waitUntilSettled(this.#settle, started.run_id, options);
    });
  }

  /** Waits until a run settles (see run()). Events are followed from the moment of the call. */
  async wait(runId: string, options: WaitOptions = {}): Promise<RunDetail> {
    return this.#following(options.onEvent, false, async (follower) => {
      follower?.setRoot(runId);
      return waitUntilSettled(this.#settle, runId, options);
    });
  }

  getRun(runId: string): Promise<RunDetail> {
    return getRun(this.#ctx, { run_id: runId });
  }

  /**
   * Follows a run's events (its child runs' too) until the returned function is called. With
   * `afterSeq`, the run's stored events after that seq are replayed first.
   */
  subscribe(runId: string, listener: RunEventListener, options: { afterSeq?: number } = {}): () => void {
    const follower = new EventFollower(this.#core.runtime.events, this.#core.db.runStore, listener, false);
    follower.setRoot(runId, options.afterSeq);
    return () => follower.close();
  }

  listApprovals(filter: { status?: ApprovalStatus; run_id?: string; root_run_id?: string } = {}): Promise<Approval[]> {
    return listApprovals(this.#ctx, filter);
  }

  /**
   * Approves (optionally with edited `data`) or rejects, then by default waits until the run
   * settles again. A refused decision (already decided, run finished or cancelled, data not
   * matching the form) throws an AppError and changes nothing.
   */
  async decide(approvalId: string, decision: "approve" | "reject", options: DecideOptions = {}): Promise<DecideResult> {
    return this.#following(options.onEvent, false, async (follower) => {
      const approval = await decideApproval(this.#ctx, {
        approval_id: approvalId,
        decision,
        ...(options.data === undefined ? {} : { data: options.data }),
        comment: options.comment,
      });
      follower?.setRoot(approval.root_run_id);
      const rootId = approval.root_run_id;
      const run = options.wait === false ? await this.getRun(rootId) : await waitUntilSettled(this.#settle, rootId, options);
      return { approval, run };
    });
  }

  /** Cancels a run (and its child runs); returns the run as it is right after the request. */
  cancel(runId: string): Promise<RunDetail> {
    return controlRun(this.#ctx, { run_id: runId, action: "cancel" });
  }

  /**
   * Stops the engine (advances in flight get a few seconds to commit) and closes the database.
   * Pending waits reject; their runs stay as they are and continue when the database is next opened.
   */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#closed.abort();
      await this.#core.runtime.stop(5000);
      await this.#core.db.close();
    })();
    return this.#closing;
  }

  /** Runs `fn` with the events delivered to `listener` (if any); the last ones are flushed before it resolves. */
  async #following<T>(
    listener: RunEventListener | undefined,
    fromStart: boolean,
    fn: (follower: EventFollower | undefined) => Promise<T>,
  ): Promise<T> {
    const follower = listener && new EventFollower(this.#core.runtime.events, this.#core.db.runStore, listener, fromStart);
    try {
      const result = await fn(follower);
      await follower?.drain();
      return result;
    } finally {
      follower?.close();
    }
  }
}
