import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder in the editor's shape while the segment loads. */
export function EditorSkeleton() {
  return (
    <div className="flex h-dvh flex-col bg-slate-50" aria-busy="true" aria-label="Loading segment">
      <div className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3">
        <Skeleton className="h-5 w-24" />
        <span className="h-6 w-px bg-slate-200" aria-hidden />
        <Skeleton className="h-5 w-48" />
        <Skeleton className="h-4 w-28" />
      </div>
      <div className="flex min-h-0 flex-1">
        <div className="relative flex-1 bg-[radial-gradient(#cbd5e1_1px,transparent_1px)] [background-size:16px_16px]">
          <div className="absolute top-1/2 left-1/2 flex -translate-x-1/2 -translate-y-1/2 items-center gap-12">
            {[0, 1, 2].map((i) => (
              <div key={i} className="w-[224px] rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
                <div className="flex items-center gap-2.5">
                  <Skeleton className="size-8 rounded-lg" />
                  <div className="flex-1 space-y-1.5">
                    <Skeleton className="h-3.5 w-3/4" />
                    <Skeleton className="h-3 w-1/2" />
                  </div>
                </div>
                <Skeleton className="mt-3 h-5 w-full" />
              </div>
            ))}
          </div>
        </div>
        <div className="w-[360px] shrink-0 space-y-3 border-l border-slate-200 bg-white p-5">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-5/6" />
          <Skeleton className="mt-6 h-24 w-full" />
        </div>
      </div>
    </div>
  );
}
