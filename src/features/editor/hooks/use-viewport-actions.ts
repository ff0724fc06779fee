"use client";
/** Viewport helpers shared by the toolbar, the shortcuts and the palette. */
import { useReactFlow, type FitViewOptions, type XYPosition } from "@xyflow/react";
import { useCallback, useMemo, type RefObject } from "react";

/** The bottom keeps clear of the problems bar floating over the canvas's lower edge. */
export const FIT_VIEW_OPTIONS: FitViewOptions = { padding: { x: "48px", top: "72px", bottom: "112px" }, maxZoom: 1 };
const ZOOM_DURATION = 160;

export type ViewportActions = {
  fitView: () => void;
  zoomIn: () => void;
  zoomOut: () => void;
  zoomTo100: () => void;
  /** The flow position under the middle of the canvas. */
  centre: () => XYPosition;
  /** Screen (client) point → flow position. */
  toFlow: (client: XYPosition) => XYPosition;
};

export function useViewportActions(wrapper: RefObject<HTMLElement | null>): ViewportActions {
  const flow = useReactFlow();
  const centre = useCallback((): XYPosition => {
    const rect = wrapper.current?.getBoundingClientRect();
    const point = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: innerWidth / 2, y: innerHeight / 2 };
    return flow.screenToFlowPosition(point);
  }, [flow, wrapper]);
  return useMemo(
    () => ({
      fitView: () => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 300 }),
      zoomIn: () => void flow.zoomIn({ duration: ZOOM_DURATION }),
      zoomOut: () => void flow.zoomOut({ duration: ZOOM_DURATION }),
      zoomTo100: () => void flow.zoomTo(1, { duration: ZOOM_DURATION }),
      centre,
      toFlow: (client) => flow.screenToFlowPosition(client),
    }),
    [centre, flow],
  );
}
