"use client";
/** Whether the canvas may be edited: the revision viewer shows a read-only canvas. */
import { createContext, useContext } from "react";

export const CanvasModeContext = createContext<{ readOnly: boolean }>({ readOnly: false });

export const useCanvasReadOnly = (): boolean => useContext(CanvasModeContext).readOnly;
