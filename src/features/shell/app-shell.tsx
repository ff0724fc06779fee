import type { ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";
import { AuthOffBanner } from "./auth-off-banner";
import { TopBar } from "./top-bar";

/** Top bar, notices and a centered content column: the frame of every list page. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <ToastProvider>
      <div className="flex min-h-full flex-col">
        <a
          href="#main"
          className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
        >
          Skip to content
        </a>
        <TopBar />
        <AuthOffBanner />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 pt-8 pb-16 sm:px-6">
          {children}
        </main>
      </div>
    </ToastProvider>
  );
}
