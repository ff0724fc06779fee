"use client";
/**
 * A .json file dragged onto the canvas imports it. Listens on the window (capture phase)
 * for file drags only, so the palette's own drag and drop onto the canvas is untouched.
 */
import { useEffect, useState } from "react";

const CANVAS_SELECTOR = ".react-flow";

export type DropTarget = { top: number; left: number; width: number; height: number };

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes("Files") ?? false;
}

function canvasUnder(event: DragEvent): Element | null {
  return event.target instanceof Element ? event.target.closest(CANVAS_SELECTOR) : null;
}

/** Returns where the canvas is while a file is dragged over it (for an overlay), else null. */
export function useCanvasFileDrop(onFile: (file: File) => void): DropTarget | null {
  const [target, setTarget] = useState<DropTarget | null>(null);

  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      const canvas = canvasUnder(event);
      if (!canvas) {
        setTarget(null);
        return;
      }
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
      const rect = canvas.getBoundingClientRect();
      setTarget((previous) =>
        previous && previous.top === rect.top && previous.left === rect.left && previous.width === rect.width && previous.height === rect.height
          ? previous
          : { top: rect.top, left: rect.left, width: rect.width, height: rect.height },
      );
    };
    const leave = (event: DragEvent) => {
      // Leaving the window (no element to go to) ends the drag for us.
      if (event.relatedTarget === null) setTarget(null);
    };
    const drop = (event: DragEvent) => {
      setTarget(null);
      if (!hasFiles(event) || !canvasUnder(event)) return;
      event.preventDefault();
      event.stopPropagation();
      const file = event.dataTransfer?.files[0];
      if (file) onFile(file);
    };
    const end = () => setTarget(null);
    window.addEventListener("dragover", over, true);
    window.addEventListener("dragleave", leave, true);
    window.addEventListener("drop", drop, true);
    window.addEventListener("dragend", end, true);
    return () => {
      window.removeEventListener("dragover", over, true);
      window.removeEventListener("dragleave", leave, true);
      window.removeEventListener("drop", drop, true);
      window.removeEventListener("dragend", end, true);
    };
  }, [onFile]);

  return target;
}
