"use client";
// Notifications in the bottom-right corner: errors that belong to no form
// (a failed background action), short confirmations ("Segment deleted") and neutral notices
// (an action done that is not a success, e.g. "Rejected …": not green).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { Button } from "./button";
import { cx } from "./cx";
import { AlertCircleIcon, CheckCircleIcon, XIcon } from "./icons";

type ToastTone = "success" | "error" | "notice";
type ToastItem = { id: number; tone: ToastTone; title: string; description?: string | undefined };

export type ToastApi = {
  success: (title: string, description?: string) => void;
  error: (title: string, description?: string) => void;
  notice: (title: string, description?: string) => void;
};

const ToastContext = createContext<ToastApi | null>(null);
const MAX_VISIBLE = 4;
const DURATION_MS: Record<ToastTone, number> = { success: 4_000, error: 9_000, notice: 4_000 };
let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const api = useMemo<ToastApi>(() => {
    const show = (tone: ToastTone, title: string, description?: string) =>
      setToasts((list) => [...list.slice(-(MAX_VISIBLE - 1)), { id: nextId++, tone, title, description }]);
    return {
      success: (title, description) => show("success", title, description),
      error: (title, description) => show("error", title, description),
      notice: (title, description) => show("notice", title, description),
    };
  }, []);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <section
        aria-label="Notifications"
        className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-[min(380px,calc(100vw-2rem))] flex-col gap-2"
      >
        {toasts.map((toast) => (
          <Toast key={toast.id} toast={toast} onDismiss={() => dismiss(toast.id)} />
        ))}
      </section>
    </ToastContext.Provider>
  );
}

function Toast({ toast, onDismiss }: { toast: ToastItem; onDismiss: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, DURATION_MS[toast.tone]);
    return () => clearTimeout(timer);
  }, [onDismiss, toast.tone]);
  const error = toast.tone === "error";
  return (
    <div
      role={error ? "alert" : "status"}
      className={cx(
        "pointer-events-auto flex items-start gap-3 rounded-lg bg-white p-3.5 shadow-lg ring-1 transition duration-200 starting:translate-y-2 starting:opacity-0",
        error ? "ring-red-200" : "ring-slate-900/10",
      )}
    >
      {error ? (
        <AlertCircleIcon className="mt-0.5 size-5 shrink-0 text-red-500" />
      ) : toast.tone === "notice" ? (
        <AlertCircleIcon className="mt-0.5 size-5 shrink-0 text-slate-400" />
      ) : (
        <CheckCircleIcon className="mt-0.5 size-5 shrink-0 text-emerald-500" />
      )}
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-slate-900">{toast.title}</p>
        {toast.description ? <p className="mt-0.5 text-sm break-words text-slate-600">{toast.description}</p> : null}
      </div>
      <Button variant="ghost" size="sm" iconOnly aria-label="Dismiss notification" onClick={onDismiss} className="-my-1 -mr-1 size-7 text-slate-400" icon={<XIcon />} />
    </div>
  );
}

/** Shows notifications; needs a ToastProvider above (the app shell has one). */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast() needs a <ToastProvider> above it");
  return api;
}
