"use client";
/**
 * After the whole document is replaced (an import, into an empty canvas or over another graph),
 * fit the new graph in view once its cards are measured: otherwise the imported steps land
 * wherever their coordinates put them, often under the toolbar or off screen.
 */
import { useNodesInitialized, useReactFlow } from "@xyflow/react";
import { useEffect, useRef } from "react";
import type { EditorNode } from "../lib/flow-convert";
import { useEditorStore } from "../store";
import { FIT_VIEW_OPTIONS } from "./use-viewport-actions";

export function useFitRequest(): void {
  const request = useEditorStore((s) => s.fitRequest);
  const flow = useReactFlow<EditorNode>();
  const initialized = useNodesInitialized();
  const handled = useRef(request);

  useEffect(() => {
    if (request === handled.current || !initialized) return;
    // One frame later: React Flow has the new cards' sizes by then. (Cancelled when the new cards
    // turn out not to be measured yet: done once they are.)
    const frame = requestAnimationFrame(() => {
      handled.current = request;
      void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 300 });
    });
    return () => cancelAnimationFrame(frame);
  }, [flow, request, initialized]);
}
