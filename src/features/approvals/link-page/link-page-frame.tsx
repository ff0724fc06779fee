import type { ReactNode } from "react";
import { LogoMark } from "@/features/shell/logo";

/** The page around the approval card: the product's mark, a calm background, a centred column. */
export function LinkPageFrame({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50 bg-[radial-gradient(ellipse_at_top,rgba(99,102,241,0.10),transparent_60%)]">
      <main className="mx-auto flex w-full max-w-2xl flex-col px-4 pt-10 pb-16 sm:pt-16">
        <div className="mb-6 flex items-center justify-center gap-2.5" aria-label="LLMTeam Canvas">
          <LogoMark className="size-7" />
          <span className="text-[15px] font-semibold tracking-tight text-slate-900" aria-hidden>
            LLMTeam Canvas
          </span>
        </div>
        {children}
      </main>
    </div>
  );
}
