/**
 * Autosave of the editor's document into the segment's draft, without React: debounced
 * writes, never two in flight (a change during a write is saved right after it, the latest
 * document only), retries with backoff while the server cannot be reached, and a full stop
 * on a version conflict until the user chooses (no silent overwrite, ever).
 *
 * Every write (autosave, save-as-revision, restore) goes through one queue, so each one
 * carries the version the previous one returned as its `expected_version`.
 */
import type { Segment } from "@/shared/segment";
import { documentJson } from "../../lib/document-state";
import type { SaveErrorKind } from "./classify-error";

export type SaveStatus =
  /** Nothing written in this session and nothing to write. */
  | { kind: "idle" }
  /** Changes wait for the debounce (shown as "Saving…"). */
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: number }
  /** The server could not be reached; the next attempt is at `retryAt`. */
  | { kind: "offline"; attempt: number; retryAt: number }
  /** Someone else wrote the draft: writing stops until resolveConflict(). */
  | { kind: "conflict"; message: string }
  /** The server refused the document for another reason; the next change tries again. */
  | { kind: "failed"; message: string };

export type DraftSaverOptions = {
  /** `expected_version` of the first write (0: no draft yet). */
  version: number;
  /** The document as the editor holds it now. */
  readDocument: () => Segment;
  /** Writes the draft; resolves with its new version. */
  send: (document: Segment, expectedVersion: number) => Promise<{ version: number }>;
  classify: (error: unknown) => { kind: SaveErrorKind; message: string };
  onStatus: (status: SaveStatus) => void;
  /** Status to start with (e.g. "saved" at the draft's time). */
  initialStatus?: SaveStatus;
  debounceMs?: number;
  /** Delay before retry number `attempt` (1, 2, ...) after a network error. */
  backoffMs?: (attempt: number) => number;
  now?: () => number;
};

/** A write the queue runs in turn: gets the current version, returns the new one. */
export type ExclusiveWrite<T> = (expectedVersion: number) => Promise<{ value: T; version: number; saved: Segment }>;

export class SaveBlockedError extends Error {
  constructor(readonly kind: "conflict" | "network" | "rejected", message: string) {
    super(message);
    this.name = "SaveBlockedError";
  }
}

export const defaultBackoffMs = (attempt: number) => Math.min(30_000, 1_000 * 2 ** (attempt - 1));

export class DraftSaver {
  private version: number;
  /** Canonical JSON of what the draft holds; null forces the next write. */
  private savedJson: string | null;
  private status: SaveStatus;
  private queue: Promise<unknown> = Promise.resolve();
  private queuedFlush: Promise<boolean> | null = null;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private blocked = false;
  private disposed = false;
  private readonly debounceMs: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly now: () => number;

  constructor(private readonly options: DraftSaverOptions) {
    this.version = options.version;
    this.savedJson = documentJson(options.readDocument());
    this.status = options.initialStatus ?? { kind: "idle" };
    this.debounceMs = options.debounceMs ?? 800;
    this.backoffMs = options.backoffMs ?? defaultBackoffMs;
    this.now = options.now ?? Date.now;
  }

  get currentStatus(): SaveStatus {
    return this.status;
  }

  get currentVersion(): number {
    return this.version;
  }

  /** The document changed: write it after the debounce. */
  schedule(): void {
    if (this.disposed || this.blocked) return;
    // While offline the retry timer is running and will write the latest document: keep
    // the backoff (and keep saying "offline") instead of hammering the server on each edit.
    if (this.retryTimer !== undefined) return;
    clearTimeout(this.debounceTimer);
    if (this.status.kind !== "saving") this.setStatus({ kind: "pending" });
    this.debounceTimer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /** Writes now if the document changed. True when the draft holds the current document. */
  flush(): Promise<boolean> {
    clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    // One waiting write is enough: it reads the document when its turn comes.
    if (this.queuedFlush) return this.queuedFlush;
    const queued = this.enqueue(() => {
      this.queuedFlush = null;
      return this.writeOnce();
    });
    this.queuedFlush = queued;
    return queued;
  }

  /** True when there is something the draft does not hold yet (for "leave the page?"). */
  hasUnsavedChanges(): boolean {
    if (this.status.kind === "pending" || this.status.kind === "saving" || this.status.kind === "offline") return true;
    if (this.status.kind === "conflict" || this.status.kind === "failed") return true;
    return false;
  }

  /**
   * Runs a write other than autosave (save as revision, restore) in the queue, with the
   * current version. A conflict blocks autosave as a failed autosave would.
   */
  exclusive<T>(write: ExclusiveWrite<T>): Promise<T> {
    clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    return this.enqueue(async () => {
      if (this.blocked) throw new SaveBlockedError("conflict", "Resolve the conflict first.");
      this.setStatus({ kind: "saving" });
      try {
        const result = await write(this.version);
        const json = documentJson(result.saved);
        // The write itself changed the editor (a restore): that change is already stored.
        if (this.debounceTimer !== undefined && documentJson(this.options.readDocument()) === json) {
          clearTimeout(this.debounceTimer);
          this.debounceTimer = undefined;
        }
        this.wrote(result.version, json);
        return result.value;
      } catch (error) {
        const failure = this.options.classify(error);
        this.failed(failure);
        throw new SaveBlockedError(failure.kind, failure.message);
      }
    });
  }

  /**
   * The user chose after a conflict. `saved`: the document now in the editor is the one
   * stored at `version` ("reload theirs"); null: overwrite it with ours at once ("keep mine").
   */
  resolveConflict(version: number, saved: Segment | null): Promise<boolean> {
    this.blocked = false;
    this.version = version;
    if (saved) {
      this.savedJson = documentJson(saved);
      this.setStatus({ kind: "saved", at: this.now() });
      return Promise.resolve(true);
    }
    this.savedJson = null;
    return this.flush();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.debounceTimer);
    clearTimeout(this.retryTimer);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    // The queue itself never rejects: a failed write must not stop the ones after it.
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async writeOnce(): Promise<boolean> {
    if (this.disposed || this.blocked) return false;
    const document = this.options.readDocument();
    const json = documentJson(document);
    if (json === this.savedJson) {
      if (this.status.kind === "pending" || this.status.kind === "offline" || this.status.kind === "failed") {
        this.clearRetry();
        this.setStatus(this.version > 0 ? { kind: "saved", at: this.now() } : { kind: "idle" });
      }
      return true;
    }
    if (this.status.kind !== "offline") this.setStatus({ kind: "saving" });
    try {
      const result = await this.options.send(document, this.version);
      this.wrote(result.version, json);
      return true;
    } catch (error) {
      this.failed(this.options.classify(error));
      return false;
    }
  }

  private wrote(version: number, json: string): void {
    this.version = version;
    this.savedJson = json;
    this.clearRetry();
    // A change made during the write already has its debounce running.
    this.setStatus(this.debounceTimer !== undefined ? { kind: "pending" } : { kind: "saved", at: this.now() });
  }

  private failed(failure: { kind: SaveErrorKind; message: string }): void {
    if (failure.kind === "conflict") {
      this.blocked = true;
      this.clearRetry();
      clearTimeout(this.debounceTimer);
      this.debounceTimer = undefined;
      this.setStatus({ kind: "conflict", message: failure.message });
    } else if (failure.kind === "network") {
      this.attempt += 1;
      const delay = this.backoffMs(this.attempt);
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => void this.flush(), delay);
      this.setStatus({ kind: "offline", attempt: this.attempt, retryAt: this.now() + delay });
    } else {
      this.clearRetry();
      this.setStatus({ kind: "failed", message: failure.message });
    }
  }

  private clearRetry(): void {
    this.attempt = 0;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private setStatus(status: SaveStatus): void {
    if (this.disposed) return;
    this.status = status;
    this.options.onStatus(status);
  }
}
