import type { ReactNode } from "react";
import { StandalonePageFrame } from "@/features/shell/standalone-page-frame";

/** The sign-in and setup pages: the product's mark above a centred card. */
export function AuthPageFrame({ title, description, children }: { title: string; description: ReactNode; children: ReactNode }) {
  return (
    <StandalonePageFrame narrow>
      <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <div className="mt-1.5 text-sm leading-relaxed text-slate-600">{description}</div>
        <div className="mt-6">{children}</div>
      </div>
    </StandalonePageFrame>
  );
}
