import type { ReactNode } from "react";
import { LogoMark } from "@/features/shell/logo";

/** The sign-in and setup pages: the product's mark above a centred card. */
export function AuthPageFrame({ title, description, children }: { title: string; description: ReactNode; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50 bg-[radial-gradient(ellipse_at_top,rgba(99,102,241,0.10),transparent_60%)]">
      <main className="mx-auto flex w-full max-w-sm flex-col px-4 pt-16 pb-16 sm:pt-24">
        <div className="mb-8 flex items-center justify-center gap-2.5" aria-label="LLMTeam Canvas">
          <LogoMark className="size-8" />
          <span className="text-base font-semibold tracking-tight text-slate-900" aria-hidden>
            LLMTeam Canvas
          </span>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
          <div className="mt-1.5 text-sm leading-relaxed text-slate-600">{description}</div>
          <div className="mt-6">{children}</div>
        </div>
      </main>
    </div>
  );
}
