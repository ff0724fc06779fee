import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { LogoMark } from "@/features/shell/logo";

/**
 * Pages shown without the app's navigation (sign-in, owner setup, a signed approval link): the
 * product's mark above a centred column on a calm background. `narrow` for a single form.
 */
export function StandalonePageFrame({ narrow = false, children }: { narrow?: boolean; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50 bg-[radial-gradient(ellipse_at_top,rgba(99,102,241,0.10),transparent_60%)]">
      <main className={cx("mx-auto flex w-full flex-col px-4 pb-16", narrow ? "max-w-sm pt-16 sm:pt-24" : "max-w-2xl pt-10 sm:pt-16")}>
        <div className={cx("flex items-center justify-center gap-2.5", narrow ? "mb-8" : "mb-6")} aria-label="LLMTeam Canvas">
          <LogoMark className={narrow ? "size-8" : "size-7"} />
          <span className={cx("font-semibold tracking-tight text-slate-900", narrow ? "text-base" : "text-[15px]")} aria-hidden>
            LLMTeam Canvas
          </span>
        </div>
        {children}
      </main>
    </div>
  );
}
