"use client";
/** The React Flow canvas bound to the editor store. Moving and selecting only, for now. */
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  type DefaultEdgeOptions,
  type FitViewOptions,
} from "@xyflow/react";
import { edgeTypes } from "../edges";
import { EDGE_COLOR } from "../edges/flow-edge";
import type { StepNode } from "../lib/flow-convert";
import { stepAppearance } from "../lib/step-appearance";
import { nodeTypes } from "../nodes";
import { useEditorStore } from "../store";
import { EmptyCanvasHint } from "./empty-canvas-hint";

const SNAP_GRID: [number, number] = [16, 16];
const FIT_VIEW_OPTIONS: FitViewOptions = { padding: { x: "40px", y: "80px" }, maxZoom: 1 };
const DEFAULT_EDGE_OPTIONS: DefaultEdgeOptions = {
  animated: false,
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: EDGE_COLOR },
};

const minimapColor = (node: StepNode) => stepAppearance(node.data.step.type).accent;

export function EditorCanvas() {
  const nodes = useEditorStore((s) => s.nodes);
  const edges = useEditorStore((s) => s.edges);
  const onNodesChange = useEditorStore((s) => s.onNodesChange);
  const onEdgesChange = useEditorStore((s) => s.onEdgesChange);
  const empty = nodes.length === 0;

  return (
    <div className="absolute inset-0">
      <ReactFlow<StepNode, (typeof edges)[number]>
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.2}
        maxZoom={2}
        snapToGrid
        snapGrid={SNAP_GRID}
        nodesConnectable={false}
        edgesReconnectable={false}
        deleteKeyCode={null}
        colorMode="light"
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.25} color="#cbd5e1" />
        <Controls showInteractive={false} position="bottom-left" />
        {!empty && (
          <MiniMap<StepNode>
            position="bottom-right"
            pannable
            zoomable
            nodeColor={minimapColor}
            nodeBorderRadius={6}
            style={{ width: 168, height: 112 }}
            maskColor="rgba(241, 245, 249, 0.7)"
            className="rounded-lg! border! border-slate-200! shadow-sm!"
          />
        )}
      </ReactFlow>
      {empty && <EmptyCanvasHint />}
    </div>
  );
}
