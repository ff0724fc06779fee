/**
 * The editor store's contract: one store per editor instance, composed of slices. Components
 * only read state through `useEditorStore(selector)` and change it through these actions;
 * the store has no side effects (no fetch, no timers, no clipboard API, no DOM).
 *
 * Undo/redo: every action marked (undoable) below records ONE history entry; React Flow's
 * drag of one or many nodes records one entry when the drag ends (positions at drag start
 * are the "before"). Selection, measurement, problems and the saved-state marks are never
 * recorded. History holds at most 100 entries and is cleared by `replaceSegment(..., {resetHistory: true})`.
 */
import type { Connection, EdgeChange, NodeChange, XYPosition } from "@xyflow/react";
import type { StoreApi } from "zustand/vanilla";
import type { Problem } from "@/shared/validation";
import type { Segment, Step } from "@/shared/segment";
import type { EditorNode, FlowEdge, SegmentBase } from "../lib/flow-convert";

/** An action that can be refused says why, in a sentence for the user. */
export type ActionResult<T = void> = ({ ok: true } & (T extends void ? unknown : { value: T })) | { ok: false; reason: string };

/**
 * A labelled frame around steps (`metadata.ui.groups` in the segment; members carry
 * `ui.group = group_id`). Moving the frame moves its members; collapsed, it is one box.
 */
export type StepGroup = { group_id: string; label: string; collapsed: boolean };

export type SegmentSlice = {
  /** The segment's non-graph fields: name, description, entrypoint, input_schema, metadata. */
  base: SegmentBase;
  /**
   * (undoable) Name, description, input_schema, metadata. Not segment_id. A key given as
   * undefined is removed. `metadata.ui` belongs to the editor (groups): a metadata patch
   * without a `ui` key keeps the current one.
   */
  updateBase: (patch: Partial<Pick<SegmentBase, "name" | "description" | "input_schema" | "metadata">>) => void;
  /** (undoable) The step the run starts with. */
  setEntrypoint: (stepId: string) => void;
};

export type CanvasSlice = {
  /**
   * Step nodes (type "step") and group frames (type "group", id `group:<group_id>`, see
   * `groupNodeId`), frames first. Members of a collapsed group are `hidden`. Use
   * `findStepNode(nodes, id)` / `isStepNode` to read steps. A step from the document comes
   * with its card's size (`measured`) and `handles` computed from its ports, kept up to date
   * with its data until React Flow measures the card (lib/node-handles.ts).
   */
  nodes: EditorNode[];
  /**
   * The segment's edges in its order (a problem's `edge.index` is an index here). An edge
   * whose end hides in a collapsed group is drawn to the frame (`source`/`target` = the
   * frame's id, handles GROUP_SOURCE_HANDLE/GROUP_TARGET_HANDLE) with its real ends in
   * `data.hiddenEnds`: read ends through `realEdge(edge)` when it matters.
   */
  edges: FlowEdge[];
  /** React Flow's changes: positions, dimensions, selection, and removals (undoable). */
  onNodesChange: (changes: NodeChange<EditorNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<FlowEdge>[]) => void;
  /**
   * React Flow's onConnect: adds the edge if the ports are compatible (catalog
   * `portsCompatible`), not a duplicate and not a self-loop; else refuses with the reason.
   * A connection from a `condition` step's `true`/`false` handle gets the condition
   * `output = true` / `output = false` set for the user. (undoable)
   */
  connect: (connection: Connection) => ActionResult<{ edgeId: string }>;
  /**
   * Why a connection would be refused, or null when it is fine (used while dragging). While
   * an edge is being reconnected (`reconnectingEdgeId`), judged as replacing that edge.
   */
  connectionProblem: (connection: Connection) => string | null;
};

/**
 * How a new step is wired to an existing one (quick-add opened by dropping a connection on
 * empty canvas). `port` is the existing step's handle; `newPort` the new step's (default: its
 * type's first port on that side). An edge the rules refuse is not made; the step still is.
 */
export type AddStepOptions = {
  /** Existing step's output `port` → the new step's input `newPort`. */
  connectFrom?: { stepId: string; port?: string; newPort?: string };
  /** The new step's output `newPort` → the existing step's input `port`. */
  connectTo?: { stepId: string; port?: string; newPort?: string };
};

export type EditingSlice = {
  /**
   * (undoable) Adds a step of a catalog type at `position` (flow coordinates) with the type's
   * default config, a fresh step_id derived from the type (`llm_agent`, `llm_agent_2`, ...),
   * and selects it. The first step of an empty segment becomes the entrypoint. With
   * `connectFrom` / `connectTo`, also connects it to that step, in one history entry.
   * Returns the new step_id.
   */
  addStep: (type: string, position: XYPosition, options?: AddStepOptions) => string;
  /** (undoable) Replaces the step's config (the whole object). */
  updateStepConfig: (stepId: string, config: Record<string, unknown>) => void;
  /** (undoable) Step fields other than config/step_id/type/ui: name, retry, timeout_seconds, on_error (undefined removes). */
  updateStep: (stepId: string, patch: Partial<Pick<Step, "name" | "retry" | "timeout_seconds" | "on_error">>) => void;
  /** (undoable) Renames a step id; edges and the entrypoint follow. Refused if taken or invalid. */
  renameStep: (stepId: string, newId: string) => ActionResult;
  /** (undoable) Sets or (null/"") removes an edge's condition. */
  setEdgeCondition: (edgeId: string, condition: string | null) => void;
  /**
   * (undoable) React Flow's onReconnect: moves the edge's ends to `connection` (the user
   * dragged one end to another handle). The same rules as `connect`, judged without the edge
   * itself; refused with the reason, nothing changed. The edge keeps its place in the list
   * and its condition (a condition's free `output = true/false` follows a new true/false
   * handle, see conditionAfterReconnect); it gets the id a new edge between those ends would
   * get, and stays selected if it was. An end drawn on a collapsed group's frame stands for
   * its hidden step. Same ends as before: ok, no change, no history entry.
   */
  reconnectEdge: (edgeId: string, connection: Connection) => ActionResult<{ edgeId: string }>;
  /**
   * The edge whose end is being dragged (React Flow's onReconnectStart … onReconnectEnd),
   * else null. While set, `connectionProblem` judges connections as replacing that edge, so
   * its own old handle reads as fine, not as a duplicate. View state: never recorded.
   */
  reconnectingEdgeId: string | null;
  setReconnectingEdge: (edgeId: string | null) => void;
  /** (undoable) Removes steps (with their edges) and edges. */
  deleteElements: (elements: { stepIds?: readonly string[]; edgeIds?: readonly string[] }) => void;
  /** (undoable) Removes the selected steps, groups' frames (members stay) and edges. */
  deleteSelection: () => void;
  /** (undoable) Copies the selected steps and the edges between them, offset by one grid step, new ids; selects the copies. */
  duplicateSelection: () => string[];
  /**
   * The selection as clipboard text (JSON: `{"llmteam_clipboard": 1, steps, edges}` in the
   * segment contract), or null when nothing is selected. Pure: the caller writes the clipboard.
   */
  copySelection: () => string | null;
  /**
   * (undoable) Pastes clipboard text (from this or another segment, or a whole segment JSON):
   * steps get fresh ids when theirs are taken (edges follow), are placed with their top-left
   * at `at` (or offset from the originals), and are selected. Refused with a reason when the
   * text is not ours.
   */
  paste: (text: string, at?: XYPosition) => ActionResult<{ stepIds: string[] }>;
  /** (undoable) Moves steps to new positions (auto-layout), one history entry. */
  applyPositions: (positions: ReadonlyMap<string, XYPosition>) => void;
  /** (undoable unless resetHistory) Replaces the whole document (import, restore a revision). */
  replaceSegment: (segment: Segment, options?: { resetHistory?: boolean }) => void;
  /** (undoable) Frames the given steps in a new group; returns its id. Refused for < 1 step. */
  createGroup: (stepIds: readonly string[], label?: string) => ActionResult<{ groupId: string }>;
  /** (undoable) Removes the frame; its steps stay where they are. */
  ungroup: (groupId: string) => void;
  /** (undoable) */
  renameGroup: (groupId: string, label: string) => void;
  /** (undoable) Collapsed: members hidden, the frame is one box; edges to members attach to it. */
  setGroupCollapsed: (groupId: string, collapsed: boolean) => void;
};

export type SelectionSlice = {
  selectedStepId: string | null;
  selectedEdgeId: string | null;
  /** Selects one step (and nothing else); null clears the selection. */
  selectStep: (stepId: string | null) => void;
  /** Selects one edge (and nothing else); null clears the selection. */
  selectEdge: (edgeId: string | null) => void;
  /** Selects exactly these steps (multi-select from code: select all, paste). */
  selectSteps: (stepIds: readonly string[]) => void;
  clearSelection: () => void;
  /** Ids of every selected step (React Flow's multi-selection). */
  selectedStepIds: () => string[];
};

export type HistorySlice = {
  canUndo: boolean;
  canRedo: boolean;
  undo: () => void;
  redo: () => void;
  /**
   * Incremented by every change to the document (undoable actions, undo, redo, drag end):
   * autosave and validation watch this instead of the node array.
   */
  revision: number;
};

export type ProblemsSlice = {
  /** The shared validator's result for the current document (set by the validation hook). */
  problems: Problem[];
  /** Problems by step_id and by edge id (FlowEdge.id), for badges on the canvas. */
  problemsByStep: ReadonlyMap<string, Problem[]>;
  problemsByEdge: ReadonlyMap<string, Problem[]>;
  setProblems: (problems: Problem[]) => void;
  /** Set by the problems list: the canvas centres this element and selects it, then clears it. */
  focusRequest: { kind: "step" | "edge"; id: string; nonce: number } | null;
  requestFocus: (target: { kind: "step" | "edge"; id: string }) => void;
  /** The canvas calls this once it has handled the focus request. */
  clearFocusRequest: () => void;
  /**
   * While set, the canvas keeps this step on screen and out from under a panel of this size
   * floating at its top-right corner (the approval dock over its own step): checked when set and
   * when the canvas is resized, never against the user's own panning.
   */
  revealRequest: RevealRequest | null;
  setRevealRequest: (request: RevealRequest | null) => void;
  /** Bumped when the whole document was replaced (an import): the canvas fits the new graph. */
  fitRequest: number;
  requestFit: () => void;
};

export type RevealRequest = { stepId: string; panel: { width: number; height: number } };

export type EditorState = SegmentSlice & CanvasSlice & EditingSlice & SelectionSlice & HistorySlice & ProblemsSlice;
export type EditorStore = StoreApi<EditorState>;
