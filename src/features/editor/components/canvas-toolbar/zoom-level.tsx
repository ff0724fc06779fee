"use client";
/**
 * Marks the canvas with how far it is zoomed out (data-zoom = near | far | min), for the
 * CSS level of detail. One subscription that changes only when a threshold is crossed, and
 * a DOM attribute instead of React state, so no step re-renders when the zoom changes.
 */
import { useStore, type ReactFlowState } from "@xyflow/react";
import { useLayoutEffect, type RefObject } from "react";

/** Below these zooms, 11–13px text is under ~5px on screen: unreadable, so not painted. */
const FAR_ZOOM = 0.5;
const MIN_ZOOM = 0.3;

const levelOf = (s: ReactFlowState) => (s.transform[2] < MIN_ZOOM ? "min" : s.transform[2] < FAR_ZOOM ? "far" : "near");

export function ZoomLevel({ target }: { target: RefObject<HTMLElement | null> }) {
  const level = useStore(levelOf);
  useLayoutEffect(() => {
    target.current?.setAttribute("data-zoom", level);
  }, [level, target]);
  return null;
}
