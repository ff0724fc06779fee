"use client";
/**
 * Auto-layout: ELK (layered, left to right, in a Web Worker) places every step, the result
 * is one undoable `applyPositions`, then the view fits the new arrangement.
 */
import { useReactFlow } from "@xyflow/react";
import { useCallback, useRef, useState } from "react";
import { buildLayoutGraph, readLayoutPositions } from "../lib/auto-layout/elk-graph";
import { runElkLayout } from "../lib/auto-layout/run-elk";
import { useEditorStoreApi } from "../store";
import { FIT_VIEW_OPTIONS } from "./use-viewport-actions";

export function useAutoLayout(): { autoLayout: () => Promise<void>; running: boolean } {
  const store = useEditorStoreApi();
  const { fitView } = useReactFlow();
  const [running, setRunning] = useState(false);
  const busy = useRef(false);

  const autoLayout = useCallback(async () => {
    if (busy.current) return;
    const { nodes, edges, base } = store.getState();
    const plan = buildLayoutGraph({ nodes, edges, entrypoint: base.entrypoint });
    if (plan.context.steps.size === 0) return;
    busy.current = true;
    setRunning(true);
    try {
      const { result } = await runElkLayout(plan.graph);
      const positions = readLayoutPositions(result, plan.context);
      if (positions.size > 0) store.getState().applyPositions(positions);
      // Let React Flow take the new positions before fitting to them.
      requestAnimationFrame(() => void fitView({ ...FIT_VIEW_OPTIONS, duration: 350 }));
    } finally {
      busy.current = false;
      setRunning(false);
    }
  }, [fitView, store]);

  return { autoLayout, running };
}
