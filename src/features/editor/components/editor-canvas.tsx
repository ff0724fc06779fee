"use client";
/**
 * The React Flow canvas bound to the editor store: drop steps from the palette, connect,
 * select (Shift-drag box, Shift-click), right-click menus, quick-add, shortcuts, auto-layout,
 * focus requests from the problems list. `readOnly` (the revision viewer) keeps looking,
 * selecting and copying, nothing else.
 *
 * Performance (500 steps): nodes/edges come straight from the store; nodeTypes/edgeTypes and
 * every handler are stable; nodes and edges are memoized and read only their own slice.
 */
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  SelectionMode,
  useStore as useFlowStore,
  type NodeMouseHandler,
  type XYPosition,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from "react";
import { edgeTypes } from "../edges";
import { EdgeMarkerDefs } from "../edges/edge-markers";
import { useAutoLayout } from "../hooks/use-auto-layout";
import { useConnectionHandlers } from "../hooks/use-connection-handlers";
import { useEditorShortcuts } from "../hooks/use-editor-shortcuts";
import { useFitRequest } from "../hooks/use-fit-request";
import { useFocusRequest } from "../hooks/use-focus-request";
import { KeepSelectionInView } from "../hooks/use-keep-selection-in-view";
import { RevealOnRequest } from "../hooks/use-reveal-request";
import { FIT_VIEW_OPTIONS, useViewportActions } from "../hooks/use-viewport-actions";
import { isGroupNode, isStepNode, type EditorNode, type FlowEdge } from "../lib/flow-convert";
import { isLargeSegment, startViewport } from "../lib/initial-viewport";
import { freeSpot, GRID_SIZE, snapToGrid, type Rect } from "../lib/layout";
import { stepAppearance } from "../lib/step-appearance";
import { nodeTypes } from "../nodes";
import { CanvasModeContext } from "../nodes/canvas-mode";
import { useRunOverlay } from "../nodes/run-overlay";
import { HEADER_HANDLE_TOP } from "../nodes/step/step-handles";
import { STEP_NODE_WIDTH } from "../nodes/step/node";
import { useEditorStore, useEditorStoreApi } from "../store";
import type { AddStepOptions } from "../store/types";
import { ContextMenu, type ContextMenuItem } from "./canvas-menu/context-menu";
import { groupMenuItems, paneMenuItems, stepMenuItems } from "./canvas-menu/menu-items";
import { CanvasNotice, NOTICE_WIDTH, useCanvasNotice } from "./canvas-toolbar/canvas-notice";
import { CanvasToolbar } from "./canvas-toolbar/canvas-toolbar";
import { ZoomLevel } from "./canvas-toolbar/zoom-level";
import styles from "./editor-canvas.module.css";
import { EmptyCanvasHint } from "./empty-canvas-hint";
import { HelpOverlay } from "./help-overlay";
import { STEP_TYPE_MIME } from "./palette/catalog-search";
import { QuickAdd } from "./quick-add/quick-add";
import { linkedCardTopLeft, type QuickAddLink } from "./quick-add/quick-add-link";

/** What the palette (outside the canvas) may ask of it. */
export type CanvasApi = { addStepAtCentre: (typeId: string) => void };

type Props = { readOnly?: boolean; onReady?: (api: CanvasApi | null) => void };

type Point = { x: number; y: number };
type Box = { width: number; height: number };
type Overlay =
  | { kind: "quickAdd"; at: Point; bounds: Box; flowAt: XYPosition; link?: QuickAddLink }
  | { kind: "menu"; at: Point; bounds: Box; label: string; items: ContextMenuItem[] };

const SNAP_GRID: [number, number] = [GRID_SIZE, GRID_SIZE];
const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const CONNECTION_LINE_STYLE = { stroke: "#6366f1", strokeWidth: 2 };
/** Above this many nodes the minimap starts hidden (the toolbar shows it). */
const MINIMAP_DEFAULT_LIMIT = 200;
/** Below this canvas height (in pixels) the minimap starts hidden too. */
const MINIMAP_MIN_HEIGHT = 520;
/** Room a new card takes before React Flow measures it. */
const NEW_STEP_SIZE = { width: STEP_NODE_WIDTH, height: 96 };

function visibleRects(nodes: readonly EditorNode[]): Rect[] {
  return nodes
    .filter((n) => isStepNode(n) && !n.hidden)
    .map((n) => ({ ...n.position, width: n.measured?.width ?? STEP_NODE_WIDTH, height: n.measured?.height ?? NEW_STEP_SIZE.height }));
}

const minimapColor = (node: EditorNode) => (isStepNode(node) ? stepAppearance(node.data.step.type).accent : "#e2e8f0");

export function EditorCanvas(props: Props) {
  return (
    <ReactFlowProvider>
      <CanvasBody {...props} />
    </ReactFlowProvider>
  );
}

function CanvasBody({ readOnly = false, onReady }: Props) {
  const store = useEditorStoreApi();
  const nodes = useEditorStore((s) => s.nodes);
  // Decided once, at open: a large segment opens on its start step (lib/initial-viewport.ts).
  // An empty canvas is not fitted: React Flow would fit (pan) when the first step is dropped,
  // moving it away from where the user dropped it.
  const [fitOnOpen] = useState(() => store.getState().nodes.length > 0);
  const [opening] = useState(() => {
    const state = store.getState();
    if (!isLargeSegment(state.nodes)) return null;
    const height = typeof window === "undefined" ? 800 : window.innerHeight - 56;
    return startViewport(state.nodes, state.base.entrypoint, height);
  });
  const edges = useEditorStore((s) => s.edges);
  const onNodesChange = useEditorStore((s) => s.onNodesChange);
  const onEdgesChange = useEditorStore((s) => s.onEdgesChange);
  const empty = useEditorStore((s) => !s.nodes.some(isStepNode));
  // The minimap repaints every node on every pan frame: on by default for small segments only.
  const large = useEditorStore((s) => s.nodes.length > MINIMAP_DEFAULT_LIMIT);
  const [minimapChoice, setMinimapChoice] = useState<boolean | null>(null);
  // A short canvas (the run view's timeline open) has no room for it: it would sit on the cards.
  const roomy = useFlowStore((s) => s.height === 0 || s.height >= MINIMAP_MIN_HEIGHT);
  const minimap = minimapChoice ?? (!large && roomy);
  const wrapper = useRef<HTMLDivElement>(null);
  const pointer = useRef<Point | null>(null);
  const viewport = useViewportActions(wrapper);
  const { autoLayout, running } = useAutoLayout();
  const [overlay, setOverlay] = useState<Overlay | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, showNotice] = useCanvasNotice();
  const mode = useMemo(() => ({ readOnly }), [readOnly]);
  const runOverlay = useRunOverlay();
  useFocusRequest();
  useFitRequest();

  /** Client point → point inside the canvas box, and the box's size. */
  const local = useCallback((client: Point): { at: Point; bounds: Box } => {
    const rect = wrapper.current?.getBoundingClientRect();
    if (!rect) return { at: client, bounds: { width: innerWidth, height: innerHeight } };
    return { at: { x: client.x - rect.left, y: client.y - rect.top }, bounds: { width: rect.width, height: rect.height } };
  }, []);
  const pointerOrCentre = useCallback((): Point => {
    if (pointer.current) return pointer.current;
    const rect = wrapper.current?.getBoundingClientRect();
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 3 } : { x: innerWidth / 2, y: innerHeight / 2 };
  }, []);
  const notify = useCallback(
    (message: string, client?: Point) => {
      if (!client) return showNotice(message);
      const { at, bounds } = local(client);
      // Beside the pointer, kept inside the canvas.
      showNotice(message, { x: Math.max(8, Math.min(at.x + 14, bounds.width - NOTICE_WIDTH - 8)), y: at.y + 14 });
    },
    [local, showNotice],
  );

  const openQuickAdd = useCallback(
    (client: Point, link?: QuickAddLink) => {
      if (readOnly) return;
      setOverlay({ kind: "quickAdd", ...local(client), flowAt: viewport.toFlow(client), ...(link ? { link } : {}) });
    },
    [local, readOnly, viewport],
  );

  /** Adds where asked (a drop, quick-add), or with `findRoom` at the nearest spot no card covers. */
  const addStepAt = useCallback(
    (typeId: string, topLeft: XYPosition, options: AddStepOptions & { findRoom?: boolean } = {}) => {
      const { findRoom, ...wiring } = options;
      const wanted = snapToGrid(topLeft);
      const spot = findRoom ? snapToGrid(freeSpot(visibleRects(store.getState().nodes), wanted, NEW_STEP_SIZE)) : wanted;
      store.getState().addStep(typeId, spot, wiring);
    },
    [store],
  );

  // The palette adds in the middle of the view.
  useEffect(() => {
    if (!onReady) return;
    onReady({
      addStepAtCentre: (typeId) => {
        const centre = viewport.centre();
        addStepAt(typeId, { x: centre.x - STEP_NODE_WIDTH / 2, y: centre.y - NEW_STEP_SIZE.height / 2 }, { findRoom: true });
      },
    });
    return () => onReady(null);
  }, [addStepAt, onReady, viewport]);

  const closeOverlay = useCallback(() => {
    if (!overlay) return false;
    setOverlay(null);
    return true;
  }, [overlay]);

  useEditorShortcuts(
    wrapper,
    {
      quickAdd: () => openQuickAdd(pointerOrCentre()),
      toggleHelp: () => setHelpOpen((open) => !open),
      fitView: viewport.fitView,
      autoLayout: () => void autoLayout(),
      zoomIn: viewport.zoomIn,
      zoomOut: viewport.zoomOut,
      zoomReset: viewport.zoomTo100,
      closeOverlay,
      pastePosition: () => (pointer.current ? viewport.toFlow(pointer.current) : undefined),
      notify: (message) => notify(message),
    },
    readOnly,
  );

  const connection = useConnectionHandlers({ notify, quickAddFrom: openQuickAdd });

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(STEP_TYPE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const typeId = event.dataTransfer.getData(STEP_TYPE_MIME);
      if (!typeId || readOnly) return;
      event.preventDefault();
      const at = viewport.toFlow({ x: event.clientX, y: event.clientY });
      addStepAt(typeId, { x: at.x - STEP_NODE_WIDTH / 2, y: at.y - HEADER_HANDLE_TOP });
    },
    [addStepAt, readOnly, viewport],
  );

  const onNodeContextMenu: NodeMouseHandler<EditorNode> = useCallback(
    (event, node) => {
      event.preventDefault();
      const state = store.getState();
      let items: ContextMenuItem[];
      if (isGroupNode(node)) {
        items = groupMenuItems(store, node, readOnly);
      } else {
        if (!node.selected) state.selectStep(node.id);
        items = [...(runOverlay?.stepActions?.(node.id) ?? []), ...stepMenuItems(store, node.id, readOnly, notify)];
      }
      if (items.length > 0) setOverlay({ kind: "menu", ...local({ x: event.clientX, y: event.clientY }), label: "Step actions", items });
    },
    [local, notify, readOnly, runOverlay, store],
  );
  const onSelectionContextMenu = useCallback(
    (event: ReactMouseEvent, selected: EditorNode[]) => {
      const first = selected.find(isStepNode);
      if (first) onNodeContextMenu(event, first);
    },
    [onNodeContextMenu],
  );
  const onPaneContextMenu = useCallback(
    (event: MouseEvent | ReactMouseEvent) => {
      event.preventDefault();
      const client = { x: event.clientX, y: event.clientY };
      const items = paneMenuItems(
        store,
        { quickAdd: () => openQuickAdd(client), autoLayout: () => void autoLayout(), fitView: viewport.fitView, pasteAt: viewport.toFlow(client) },
        readOnly,
        (message) => notify(message, client),
      );
      setOverlay({ kind: "menu", ...local(client), label: "Canvas actions", items });
    },
    [autoLayout, local, notify, openQuickAdd, readOnly, store, viewport],
  );

  const onDoubleClick = useCallback(
    (event: ReactMouseEvent) => {
      if (event.target instanceof Element && event.target.classList.contains("react-flow__pane")) {
        openQuickAdd({ x: event.clientX, y: event.clientY });
      }
    },
    [openQuickAdd],
  );

  const pickQuickAdd = (typeId: string, wiring: AddStepOptions) => {
    if (overlay?.kind !== "quickAdd") return;
    const { flowAt, link } = overlay;
    // From a connection: the new step's handle lands where the line was dropped.
    const topLeft = link
      ? linkedCardTopLeft(link, flowAt, { width: STEP_NODE_WIDTH, handleTop: HEADER_HANDLE_TOP })
      : { x: flowAt.x - STEP_NODE_WIDTH / 2, y: flowAt.y - HEADER_HANDLE_TOP };
    setOverlay(null);
    addStepAt(typeId, topLeft, wiring);
  };

  return (
    <CanvasModeContext.Provider value={mode}>
      <div
        ref={wrapper}
        className={`${styles.canvas} absolute inset-0`}
        onPointerMove={(event) => {
          pointer.current = { x: event.clientX, y: event.clientY };
        }}
        onPointerLeave={() => {
          pointer.current = null;
        }}
        onDoubleClick={readOnly ? undefined : onDoubleClick}
        data-testid="editor-canvas"
        data-readonly={readOnly || undefined}
      >
        <EdgeMarkerDefs />
        <ReactFlow<EditorNode, FlowEdge>
          nodes={nodes}
          edges={edges}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          fitView={fitOnOpen && opening === null}
          fitViewOptions={FIT_VIEW_OPTIONS}
          {...(opening ? { defaultViewport: opening, onlyRenderVisibleElements: true } : {})}
          minZoom={0.05}
          maxZoom={2}
          snapToGrid
          snapGrid={SNAP_GRID}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesReconnectable={!readOnly}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionMode={SelectionMode.Partial}
          panOnScroll
          zoomOnDoubleClick={false}
          connectionRadius={28}
          connectionLineType={ConnectionLineType.SmoothStep}
          connectionLineStyle={CONNECTION_LINE_STYLE}
          isValidConnection={connection.isValidConnection}
          onConnect={connection.onConnect}
          onConnectEnd={connection.onConnectEnd}
          onReconnectStart={connection.onReconnectStart}
          onReconnect={connection.onReconnect}
          onReconnectEnd={connection.onReconnectEnd}
          onNodeContextMenu={onNodeContextMenu}
          onSelectionContextMenu={onSelectionContextMenu}
          onPaneContextMenu={onPaneContextMenu}
          onDragOver={onDragOver}
          onDrop={onDrop}
          colorMode="light"
        >
          <RevealOnRequest />
          {runOverlay ? <KeepSelectionInView /> : null}
          <Background variant={BackgroundVariant.Dots} gap={GRID_SIZE} size={1.25} color="#cbd5e1" />
          <ZoomLevel target={wrapper} />
          {!empty && minimap && (
            <MiniMap<EditorNode>
              position="bottom-right"
              pannable
              zoomable
              nodeColor={minimapColor}
              nodeBorderRadius={6}
              style={{ width: 176, height: 116 }}
              maskColor="rgba(241, 245, 249, 0.7)"
              className="rounded-lg! border! border-slate-200! shadow-sm!"
              ariaLabel="Minimap"
            />
          )}
          <CanvasToolbar
            readOnly={readOnly}
            layoutRunning={running}
            onAutoLayout={() => void autoLayout()}
            onFitView={viewport.fitView}
            onZoomIn={viewport.zoomIn}
            onZoomOut={viewport.zoomOut}
            onZoomReset={viewport.zoomTo100}
            onHelp={() => setHelpOpen(true)}
            minimap={minimap}
            onToggleMinimap={() => setMinimapChoice(!minimap)}
          />
        </ReactFlow>
        {empty && <EmptyCanvasHint readOnly={readOnly} />}
        {overlay?.kind === "quickAdd" && (
          <QuickAdd
            at={overlay.at}
            bounds={overlay.bounds}
            {...(overlay.link ? { link: overlay.link } : {})}
            onPick={pickQuickAdd}
            onClose={() => setOverlay(null)}
          />
        )}
        {overlay?.kind === "menu" && (
          <ContextMenu at={overlay.at} bounds={overlay.bounds} label={overlay.label} items={overlay.items} onClose={() => setOverlay(null)} />
        )}
        <CanvasNotice notice={notice} />
        <HelpOverlay open={helpOpen} onClose={() => setHelpOpen(false)} />
      </div>
    </CanvasModeContext.Provider>
  );
}
