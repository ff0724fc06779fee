import Link from "next/link";
import { LogoMark } from "./logo";
import { MainNav } from "./main-nav";
import { SystemStatus } from "./system-status";

export function TopBar() {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/80">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:gap-6 sm:px-6">
        <Link
          href="/"
          aria-label="LLMTeam Canvas"
          className="flex items-center gap-2.5 rounded-md focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-600"
        >
          <LogoMark />
          <span aria-hidden="true" className="hidden text-[15px] font-semibold tracking-tight whitespace-nowrap text-slate-900 sm:inline">
            LLMTeam Canvas
          </span>
        </Link>
        <div className="hidden h-5 w-px bg-slate-200 sm:block" aria-hidden="true" />
        <MainNav />
        <div className="ml-auto hidden sm:block">
          <SystemStatus />
        </div>
      </div>
    </header>
  );
}
