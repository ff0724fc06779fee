"use client";
import { useMutation } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { DatabaseIcon, defineIcon } from "@/components/ui/icons";
import { Menu } from "@/components/ui/menu";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/trpc/client";
import { useSystemInfo } from "./hooks/use-system-info";

const KeyIcon = defineIcon(
  <>
    <circle cx="7.5" cy="15.5" r="5.5" />
    <path d="m21 2-9.6 9.6M15.5 7.5l3 3L22 7l-3-3" />
  </>,
  "KeyIcon",
);
const LogOutIcon = defineIcon(<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9" />, "LogOutIcon");

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
      {info.data.auth === "on" ? (
        <AccountMenu email={principal.display_name} />
      ) : (
        <span
          className="flex size-7 items-center justify-center rounded-full bg-indigo-100 text-[11px] font-semibold text-indigo-700"
          title={`Acting as ${principal.display_name}`}
          aria-label={`Acting as ${principal.display_name}`}
          role="img"
        >
          {initials(principal.display_name)}
        </span>
      )}
    </div>
  );
}

/** Who is signed in, their API keys and sign-out. */
function AccountMenu({ email }: { email: string }) {
  const trpc = useTRPC();
  const signOut = useMutation(trpc.auth.signOut.mutationOptions());
  return (
    <Menu
      label={`Account: signed in as ${email}`}
      trigger={
        <span className="flex size-7 items-center justify-center rounded-full bg-indigo-100 text-[11px] font-semibold text-indigo-700">
          {initials(email)}
        </span>
      }
      heading={
        <>
          <span className="block text-xs text-slate-500">Signed in as</span>
          <span className="block truncate font-medium text-slate-900" data-testid="signed-in-email">
            {email}
          </span>
        </>
      }
      items={[
        { label: "API keys", icon: <KeyIcon />, href: "/settings/api-keys" },
        {
          label: "Sign out",
          icon: <LogOutIcon />,
          // A full page load afterwards: nothing of the session stays in memory.
          onSelect: () => signOut.mutate(undefined, { onSettled: () => window.location.assign("/sign-in") }),
        },
      ]}
    />
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]?.[0] ?? ""}${parts.at(-1)?.[0] ?? ""}` : name.slice(0, 2);
  return letters.toUpperCase() || "?";
}
