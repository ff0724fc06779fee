/**
 * The editor session's state around the document (the editor store holds the document
 * itself and has no side effects): save status, what the latest revision is, and which
 * panels of the save/import/history flows are open. Plain state: the hooks do the I/O.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Problem } from "@/shared/validation";
import type { SaveStatus } from "./draft-saver";

/** Problems of an imported file that loading fixed or dropped (no longer in the document). */
export type ImportReport = {
  fileName: string;
  notices: string[];
  problems: Problem[];
  /** The document before the import: undoing back to it drops the report. */
  beforeJson: string;
};

export type SaveState = {
  status: SaveStatus;
  /** The segment's latest revision number (0: never saved as a revision). */
  latestRevision: number;
  /** Canonical JSON of the latest revision's document, null before the first one. */
  revisionJson: string | null;
  /** The editor's document equals the latest revision ("Saved", nothing to save). */
  matchesRevision: boolean;
  savingRevision: boolean;
  problemsOpen: boolean;
  importReport: ImportReport | null;
  historyOpen: boolean;
  importOpen: boolean;
  /** A dropped file that could not be imported: the dialog opens on it with the error. */
  importSeed: { text: string; fileName: string } | null;
  conflictOpen: boolean;
};

export type SaveStateActions = {
  set: (patch: Partial<SaveState>) => void;
  setStatus: (status: SaveStatus) => void;
  /** A revision was saved or the server said which one is the latest. */
  setRevision: (revision: number, json: string | null) => void;
};

export type SaveStateStore = StoreApi<SaveState & SaveStateActions>;

export function createSaveStateStore(initial: Pick<SaveState, "status" | "latestRevision" | "revisionJson">): SaveStateStore {
  return createStore<SaveState & SaveStateActions>()((set) => ({
    ...initial,
    matchesRevision: false,
    savingRevision: false,
    problemsOpen: false,
    importReport: null,
    historyOpen: false,
    importOpen: false,
    importSeed: null,
    conflictOpen: false,
    set: (patch) => set(patch),
    // A conflict opens its dialog once; closing it leaves the status saying "Conflict".
    setStatus: (status) => set((s) => ({ status, conflictOpen: status.kind === "conflict" ? s.status.kind !== "conflict" || s.conflictOpen : false })),
    setRevision: (latestRevision, revisionJson) => set({ latestRevision, revisionJson }),
  }));
}
