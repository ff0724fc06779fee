"use client";
import { Badge } from "@/components/ui/badge";
import { DatabaseIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import { useSystemInfo } from "./hooks/use-system-info";

const DB_LABEL = { pglite: "embedded", postgres: "PostgreSQL" } as const;
const DB_TITLE = {
  pglite: "Database: embedded PGlite, stored in the server's data directory",
  postgres: "Database: PostgreSQL",
} as const;

/** Right side of the top bar: which database the server uses, its version and who you are. */
export function SystemStatus() {
  const info = useSystemInfo();
  if (info.isPending) {
    return (
      <div className="flex items-center gap-3" aria-hidden="true">
        <Skeleton className="h-5 w-20 rounded-full" />
        <Skeleton className="h-4 w-10" />
      </div>
    );
  }
  if (info.isError) return null;
  const { db, version, principal } = info.data;
  return (
    <div className="flex items-center gap-3">
      <Badge tone="slate" icon={<DatabaseIcon className="size-3" />} title={DB_TITLE[db]}>
        <span className="sr-only">Database: </span>
        {DB_LABEL[db]}
      </Badge>
      <span className="font-mono text-xs text-slate-500" title={`LLMTeam Canvas version ${version}`}>
        v{version}
      </span>
      <span
        className="flex size-7 items-center justify-center rounded-full bg-indigo-100 text-[11px] font-semibold text-indigo-700"
        title={`Signed in as ${principal.display_name}`}
        aria-label={`Signed in as ${principal.display_name}`}
        role="img"
      >
        {initials(principal.display_name)}
      </span>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ""}${parts.at(-1)?.[0] ?? ""}` : name.slice(0, 2);
  return letters.toUpperCase() || "?";
}
